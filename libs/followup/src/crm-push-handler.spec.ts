import { CrmPushHandler } from './crm-push-handler';
import type { CrmLeads } from './drivers/crm-lead.port';
import type { HubspotClient } from './drivers/hubspot-client';
import { PermanentJobError } from './job-handler';
import type { OutboxJob } from './job-store.port';
import { WebhookHandler } from './webhook-handler';

const job = (type: string, payload: Record<string, unknown>): OutboxJob => ({
  id: 'j1',
  type,
  payload,
  idempotencyKey: 'followup:c1:1:0',
  status: 'running',
  attempts: 1,
  runAt: new Date(0),
  lockedUntil: null,
  lastError: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});
const context = { idempotencyKey: 'followup:c1:1:0', attempt: 1, signal: new AbortController().signal };

describe('CrmPushHandler', () => {
  const upserts: string[] = [];
  const client = { upsertContact: (email: string) => (upserts.push(email), Promise.resolve('77')), addNote: () => Promise.resolve('n1') } as unknown as HubspotClient;
  const leads: CrmLeads = {
    lead: (contactId: string) => Promise.resolve(contactId === 'gone' ? undefined : { contactId, email: 'a@b.example', attributes: {}, transcript: [], score: { total: 0, reasons: [] } }),
  };
  beforeEach(() => (upserts.length = 0));

  it('is available when only HubSpot is configured, and sends hubspot-targeted pushes there', async () => {
    const handler = new CrmPushHandler({ webhook: new WebhookHandler({}), hubspot: { client, leads } });
    expect(handler.unavailable()).toBeUndefined();
    await handler.handle(job('followup.crm_push', { contactId: 'c1', target: 'hubspot' }), context);
    expect(upserts).toEqual(['a@b.example']);
  });

  it('keeps other pushes for the webhook: retried (not dead) while the webhook is not set up', async () => {
    const handler = new CrmPushHandler({ webhook: new WebhookHandler({}), hubspot: { client, leads } });
    const outcome = handler.handle(job('followup.crm_push', { contactId: 'c1', target: 'salesforce' }), context);
    await expect(outcome).rejects.toThrow('CRM_WEBHOOK_URL is not set');
    await expect(outcome).rejects.not.toBeInstanceOf(PermanentJobError);
    expect(upserts).toEqual([]);
  });

  it('waits like the webhook without HubSpot, and skips a contact that is gone', async () => {
    expect(new CrmPushHandler({ webhook: new WebhookHandler({}) }).unavailable()).toBe('CRM_WEBHOOK_URL is not set');
    const handler = new CrmPushHandler({ webhook: new WebhookHandler({}), hubspot: { client, leads } });
    expect(await handler.handle(job('crm.push', { contactId: 'gone', target: 'hubspot' }), context)).toEqual({ skipped: 'contact no longer exists' });
  });
});
