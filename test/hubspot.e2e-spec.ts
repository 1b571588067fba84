import type { SqlDatabase } from '@parley/persistence';
import { FakeHubspot } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { answerInTurn, qualifiedEnterpriseAnswers } from './support/b2b-lead';
import { ChatClient } from './support/chat-client';

const TOKEN = 'pat-test-token';

describe('CRM push to HubSpot: contact upsert by email, a note with transcript and score, retries and dead letters', () => {
  let running: RunningApp;
  let sql: SqlDatabase;
  let hubspot: FakeHubspot;

  const until = async (what: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const crmJobs = () => sql.all<{ status: string; attempts: number; last_error: string | null }>(`SELECT status, attempts, last_error FROM outbox_jobs WHERE type = 'followup.crm_push' ORDER BY created_at`);

  /** A web chat through the B2B flow to sales_qualified, which ends in a crm_push with target hubspot. */
  const qualify = async (name: string, email: string) => {
    const visitor = new ChatClient(running.url);
    try {
      await visitor.hello();
      await answerInTurn(visitor, qualifiedEnterpriseAnswers(name, email));
    } finally {
      visitor.close();
    }
  };

  beforeAll(async () => {
    hubspot = new FakeHubspot(TOKEN);
    running = await startApp({
      HUBSPOT_TOKEN: TOKEN,
      HUBSPOT_API_URL: await hubspot.start(),
      JOBS_POLL_MS: '20',
      JOBS_BACKOFF_BASE_MS: '20',
      JOBS_BACKOFF_MAX_MS: '100',
      ENTRY_FLOW: 'b2b-lead-qualification',
    });
    sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    await hubspot?.stop();
  });

  it('upserts the contact by email and notes the transcript and score reasons, retrying 429 and 5xx', async () => {
    hubspot.failNext(429, 503);
    await qualify('Ana Lee', 'ana.lee@bigcorp.example');
    await until(() => hubspot.notes.length === 1);
    await until(async () => (await crmJobs())[0]?.status === 'done');

    expect((await crmJobs())[0]).toMatchObject({ status: 'done', attempts: 3 });
    expect(hubspot.requests.map((r) => r.status)).toEqual([429, 503, 200, 200]);
    expect(hubspot.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(hubspot.requests[2].body).toMatchObject({ inputs: [{ idProperty: 'email', id: 'ana.lee@bigcorp.example' }] });
    const contact = hubspot.contacts.get('ana.lee@bigcorp.example')!;
    expect(contact.properties).toMatchObject({ email: 'ana.lee@bigcorp.example', firstname: 'Ana', lastname: 'Lee' });
    const [note] = hubspot.notes;
    expect(note.contactIds).toEqual([contact.id]);
    expect(note.body).toContain('sales_qualified');
    expect(note.body).toContain('Qualify and route leads'); // the visitor's own words
    expect(note.body).toMatch(/Score: [1-9]\d*/);
    expect(note.body).toMatch(/<li>[a-z_.]+: \+\d+<\/li>/); // a reason with its points
  });

  it('sends a HubSpot refusal (4xx) straight to dead, with the answer kept', async () => {
    hubspot.refuse(400);
    await qualify('Bo Chan', 'bo.chan@example.com');
    await until(async () => (await crmJobs())[1]?.status === 'dead');
    expect((await crmJobs())[1]).toMatchObject({ attempts: 1, last_error: expect.stringContaining('400') });
    expect(hubspot.contacts.has('bo.chan@example.com')).toBe(false);
    hubspot.refuse(undefined);
  });
});
