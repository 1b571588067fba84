import { PermanentJobError } from '../job-handler';

export interface HubspotOptions {
  token: string;
  /** Default https://api.hubapi.com; a fake in tests. */
  apiUrl?: string;
  timeoutMs?: number;
}

/** HubSpot's note → contact association type (HUBSPOT_DEFINED). */
const NOTE_TO_CONTACT = 202;

/** 408 and 429 are HubSpot asking us to come back later; every other 4xx is a refusal. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/** The two calls of a CRM push on the HubSpot v3 REST API, with a private-app Bearer token. */
export class HubspotClient {
  private readonly base: string;

  constructor(private readonly options: HubspotOptions) {
    this.base = (options.apiUrl ?? 'https://api.hubapi.com').replace(/\/+$/, '');
  }

  /** Creates or updates the contact with this email (idProperty email); returns its HubSpot id. */
  async upsertContact(email: string, properties: Record<string, string>, signal: AbortSignal): Promise<string> {
    const body = { inputs: [{ idProperty: 'email', id: email, properties: { ...properties, email } }] };
    const answer = (await this.call('/crm/v3/objects/contacts/batch/upsert', body, signal)) as { results?: { id?: string }[] };
    const id = answer.results?.[0]?.id;
    if (!id) throw new Error('HubSpot upsert answered without a contact id');
    return id;
  }

  async addNote(contactId: string, html: string, at: Date, signal: AbortSignal): Promise<string> {
    const body = {
      properties: { hs_note_body: html, hs_timestamp: at.toISOString() },
      associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }] }],
    };
    const answer = (await this.call('/crm/v3/objects/notes', body, signal)) as { id?: string };
    return String(answer.id ?? '');
  }

  private async call(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json', 'user-agent': 'Parley-CRM/1' },
      body: JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs ?? 10_000), signal]),
    });
    const text = await response.text().catch(() => '');
    if (response.ok) return text ? (JSON.parse(text) as unknown) : {};
    const message = `HubSpot ${path} answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    if (retryable(response.status)) throw new Error(message);
    throw new PermanentJobError(message);
  }
}
