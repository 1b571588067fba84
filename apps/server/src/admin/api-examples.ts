/** Example payloads for the OpenAPI document; shapes follow what the handlers return (the openapi spec checks some). */

const CONTACT = '0193b3c2-7a10-7cc1-9a5e-3f2b8d1c4e01';
const OTHER_CONTACT = '0193b3c2-7a10-7cc1-9a5e-3f2b8d1c4e02';
const AT = '2026-11-25T14:03:00.000Z';

export const consentRecordExample = {
  id: '0193b3c2-8b22-7d01-a111-0c5e6f7a8b90',
  contactId: CONTACT,
  seq: 2,
  at: AT,
  channel: 'sms',
  purpose: 'marketing',
  action: 'grant',
  source: 'api',
  actor: 'apikey:pk_3f9a (crm-sync)',
  disclosureText: 'Acme Alerts: up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.',
  disclosureVersion: 'sha256:5d41402abc4b2a76b9719d911017c592',
  evidence: { ip: '203.0.113.7', userAgent: 'crm-sync/2.1' },
  prevHash: '9b74c9897bac770ffc029102a200c5de',
  hash: 'e4d909c290d0fb1ca068ffaddf22cbd0',
};

export const consentGrantExample = {
  channel: 'sms',
  purpose: 'marketing',
  action: 'grant',
  disclosureText: consentRecordExample.disclosureText,
  evidence: { form: 'pricing-page-signup' },
};

export const consentHistoryExample = {
  contactId: CONTACT,
  current: [{ channel: 'sms', purpose: 'marketing', status: 'granted' }],
  history: [consentRecordExample],
};

export const consentEventsExample = { count: 1, events: [consentRecordExample] };

export const importBodyExample = {
  rows: [
    {
      email: 'Ana.Lopez@Example.com ',
      phone: '(415) 555-0132',
      name: ' Ana Lopez',
      country: 'us',
      consent_channel: 'sms',
      consent_purpose: 'marketing',
      consent_text: 'Yes, text me offers.',
      consent_at: '2026-11-20T09:30:00Z',
    },
    { email: 'bo@example.org', phone: 'not a phone' },
  ],
};

export const importReportExample = {
  rows: 2,
  created: 1,
  updated: 0,
  unchanged: 0,
  consentEvents: 1,
  errors: [{ line: 3, reason: 'phone "not a phone" is not a valid number for region US' }],
};

export const mergeBodyExample = { otherId: OTHER_CONTACT };

export const mergeResultExample = { keptId: CONTACT, mergedId: OTHER_CONTACT, identities: 2, conversations: 3, consentEvents: 4 };

export const exportExample = {
  exportedAt: AT,
  contact: { id: CONTACT, attributes: { name: 'Ana Lopez', company: 'Acme', company_size: '200-1000' }, createdAt: AT, updatedAt: AT },
  identities: [{ channel: 'sms', address: '+14155550132' }],
  conversations: [{ id: '0193b3c2-9c33-7e12-b222-1d6f7a8b9c01', channel: 'sms', messages: [{ direction: 'in', text: 'JOIN', at: AT }] }],
  consent: [consentRecordExample],
  misunderstood: [],
  handoffThreads: [],
  jobs: [],
  campaigns: [],
};

export const erasureExample = {
  contactId: CONTACT,
  erasedAt: AT,
  counts: { conversations: 2, messages: 31, identities: 2, misunderstood: 1, handoffThreads: 0, jobsCancelled: 1, jobsScrubbed: 3 },
  consentProof: { ...consentRecordExample, channel: 'all', purpose: 'all', action: 'revoke', source: 'api', disclosureText: undefined, evidence: {} },
};

export const misunderstoodExample = {
  id: '0193b3c2-ad44-7f23-c333-2e7a8b9c0d12',
  conversationId: '0193b3c2-9c33-7e12-b222-1d6f7a8b9c01',
  channel: 'webchat',
  text: 'do you integrate with salesforce',
  locale: 'en',
  guesses: [{ intent: 'pricing', confidence: 0.31 }],
  label: null,
  labelledBy: null,
  createdAt: AT,
};

export const misunderstoodListExample = { items: [misunderstoodExample], limit: 50, offset: 0 };

export const labelBodyExample = { intent: 'integrations' };

export const retrainExample = { examples: 1843, labelled: 12, languages: ['en', 'de', 'es'] };

export const jobExample = {
  id: '0193b3c2-be55-7034-d444-3f8b9c0d1e23',
  type: 'crm.push',
  payload: { contactId: CONTACT, reason: 'lifecycle:SQL' },
  idempotencyKey: `crm.push:${CONTACT}:SQL`,
  status: 'failed',
  attempts: 3,
  runAt: AT,
  lockedUntil: null,
  lastError: 'CRM answered 503',
  createdAt: AT,
  updatedAt: AT,
};

export const jobListExample = { items: [jobExample], limit: 50, offset: 0 };
