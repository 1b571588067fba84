import type { JobContext, JobSkipped } from '../job-handler';
import { PermanentJobError } from '../job-handler';
import type { OutboxJob } from '../job-store.port';
import type { CrmLeads } from './crm-lead.port';
import type { HubspotClient } from './hubspot-client';
import { hubspotNote, hubspotProperties } from './hubspot-note';

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const record = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * One CRM push to HubSpot: upsert the contact by email, then a note with the transcript and score reasons.
 * A retry after the upsert upserts again (harmless); the note could be written twice if HubSpot accepted it
 * but the answer was lost, which HubSpot gives no idempotency key to prevent.
 */
export async function pushToHubspot(client: HubspotClient, leads: CrmLeads, job: OutboxJob, context: JobContext): Promise<void | JobSkipped> {
  const contactId = text(job.payload.contactId);
  if (!contactId) throw new PermanentJobError('payload has no contactId');
  const lead = await leads.lead(contactId, text(job.payload.conversationId));
  if (!lead) return { skipped: 'contact no longer exists' };
  if (!lead.email) return { skipped: 'contact has no email address (HubSpot contacts are upserted by email)' };
  const hubspotId = await client.upsertContact(lead.email, hubspotProperties(lead), context.signal);
  await client.addNote(hubspotId, hubspotNote(lead, record(job.payload.data)), job.createdAt, context.signal);
}
