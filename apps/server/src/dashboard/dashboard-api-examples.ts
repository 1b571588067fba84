/** Example answers of the dashboard's read APIs for the OpenAPI document; shapes follow the handlers. */

const CONTACT = '0193b3c2-7a10-7cc1-9a5e-3f2b8d1c4e01';
const CONVERSATION = '0193b3c2-7a10-7cc1-9a5e-3f2b8d1c4f10';
const AT = '2026-11-25T14:03:00.000Z';

const summary = {
  id: CONVERSATION,
  contactId: CONTACT,
  channel: 'webchat',
  owner: 'bot',
  flowId: 'lead-qualification',
  messageCount: 7,
  updatedAt: AT,
  contactName: 'Ada Lovelace',
  score: 45,
  segment: 'enterprise',
  lifecycle: 'lead',
  lastMessage: { from: 'bot', text: 'How many people work at your company?', at: AT },
};
export const conversationListExample = { total: 1, limit: 50, offset: 0, items: [summary] };
export const transcriptExample = { conversationId: CONVERSATION, items: [{ id: '0193b3c2-7a10-7cc1-9a5e-3f2b8d1c4f11', conversationId: CONVERSATION, from: 'visitor', text: 'Ada', at: AT }] };
export const takeOverExample = { conversationId: CONVERSATION, owner: 'human', by: 'sales-desk' };
export const handBackExample = { conversationId: CONVERSATION, owner: 'bot' };
export const replyBodyExample = { text: 'Hi Ada, Grace from sales here. How can I help?' };
export const replyExample = { id: '0193b3c2-7a10-7cc1-9a5e-3f2b8d1c4f12', conversationId: CONVERSATION, from: 'agent', text: replyBodyExample.text, at: AT };

const lead = {
  id: CONTACT,
  name: 'Ada Lovelace',
  email: 'ada@analytical.io',
  phone: null,
  segment: 'Enterprise',
  segmentIds: ['enterprise'],
  score: 45,
  lifecycle: 'lead',
  consent: 'granted',
  channels: ['webchat'],
  createdAt: AT,
  updatedAt: AT,
  handedOff: false,
};
export const leadListExample = { total: 1, limit: 50, offset: 0, items: [lead] };
export const leadExample = {
  lead,
  attributes: { name: 'Ada Lovelace', email: 'ada@analytical.io', companySize: 'enterprise' },
  conversations: [{ id: CONVERSATION, contactId: CONTACT, channel: 'webchat', flowId: 'lead-qualification', owner: 'bot', createdAt: AT, engaged: true, handedOff: false, arm: null }],
  consent: [],
  score: { total: 45, ledger: [{ at: AT, event: 'enterprise_size', points: 45 }] },
  timeline: [{ at: AT, kind: 'score', summary: '+45 enterprise_size' }],
};

const counts = { conversations: 120, engaged: 96, lead: 41, mql: 18, sql: 7, handedOff: 9 };
export const funnelExample = {
  stages: ['conversations', 'engaged', 'lead', 'mql', 'sql', 'handedOff'],
  total: counts,
  byFlow: { 'lead-qualification': counts },
  byChannel: { webchat: counts },
  byArm: {},
  intents: { pricing: 42, book_demo: 17, integrations: 9 },
  filter: { from: '2026-11-01T00:00:00.000Z' },
};
export const flowsExample = {
  files: [{ file: 'lead-qualification.flow.yaml', flowId: 'lead-qualification', version: 'a1b2c3d4', valid: true, errors: [] }],
  items: [
    {
      id: 'lead-qualification',
      name: 'B2B website lead qualification',
      servedVersion: 'a1b2c3d4',
      versions: [{ version: 'a1b2c3d4', createdAt: AT }],
      graph: { start: 'greet', nodes: [{ id: 'greet', type: 'say' }, { id: 'ask_name', type: 'ask' }], edges: [{ from: 'greet', to: 'ask_name' }] },
    },
  ],
};
export const auditListExample = {
  total: 1,
  limit: 50,
  offset: 0,
  items: [{ id: '0193b3c2-7a10-7cc1-9a5e-3f2b8d1c4f20', actor: 'apikey:pk_3f9a (crm-sync)', action: 'POST /api/v1/contacts/import', target: null, ip: '203.0.113.7', at: AT }],
};
