import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubspotRequest {
  method: string;
  path: string;
  authorization: string;
  body: unknown;
  status: number;
}

export interface FakeHubspotNote {
  id: string;
  body: string;
  contactIds: string[];
}

interface UpsertBody {
  inputs?: { idProperty?: string; id?: string; properties?: Record<string, string> }[];
}
interface NoteBody {
  properties?: { hs_note_body?: string };
  associations?: { to?: { id?: string }; types?: { associationTypeId?: number }[] }[];
}

/**
 * The two HubSpot v3 endpoints a CRM push uses, on a real port: contacts batch upsert by email and notes
 * with a contact association. Checks the Bearer token; can be told to answer 429 / 5xx or refuse.
 */
export class FakeHubspot {
  readonly requests: HubspotRequest[] = [];
  /** By email: HubSpot id and properties. */
  readonly contacts = new Map<string, { id: string; properties: Record<string, string> }>();
  readonly notes: FakeHubspotNote[] = [];
  private server: Server | undefined;
  private failures: number[] = [];
  private refuseWith: number | undefined;
  private nextId = 1000;
  url = '';

  constructor(private readonly token: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.receive(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next requests are answered with these statuses, in order (e.g. 429, 503). */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Every request is answered with this status until called with undefined. */
  refuse(status: number | undefined): void {
    this.refuseWith = status;
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    const path = req.url ?? '';
    const authorization = String(req.headers.authorization ?? '');
    let status = authorization === `Bearer ${this.token}` ? 200 : 401;
    if (status === 200 && this.refuseWith !== undefined) status = this.refuseWith;
    else if (status === 200 && this.failures.length) status = this.failures.shift()!;
    let answer: unknown = { status: 'error', message: `answered ${status}` };
    if (status === 200) {
      if (req.method === 'POST' && path === '/crm/v3/objects/contacts/batch/upsert') answer = this.upsert(body as UpsertBody);
      else if (req.method === 'POST' && path === '/crm/v3/objects/notes') answer = this.note(body as NoteBody);
      else status = 404;
    }
    this.requests.push({ method: req.method ?? '', path, authorization, body, status });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private upsert(body: UpsertBody) {
    const results = (body.inputs ?? []).map((input) => {
      const email = String(input.id ?? '').toLowerCase();
      const known = this.contacts.get(email);
      const contact = { id: known?.id ?? String(this.nextId++), properties: { ...known?.properties, ...input.properties } };
      this.contacts.set(email, contact);
      return { id: contact.id, properties: contact.properties, new: !known };
    });
    return { status: 'COMPLETE', results };
  }

  private note(body: NoteBody) {
    const note = { id: String(this.nextId++), body: body.properties?.hs_note_body ?? '', contactIds: (body.associations ?? []).map((a) => String(a.to?.id)) };
    this.notes.push(note);
    return { id: note.id, properties: body.properties };
  }
}
