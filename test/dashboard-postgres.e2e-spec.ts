import type { SqlDatabase } from '@parley/persistence';
import { createTempPostgres, testPostgresUrl, type TempDatabase } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { seedDashboardData } from '../bench/dashboard/seed-data';
import { startApp, type RunningApp } from './support/app';
import { dashboardFetch, keysByRole, login } from './support/dashboard-session';

const base = testPostgresUrl();
const describeWithPostgres = base ? describe : describe.skip;

/** The dashboard's SQL on PostgreSQL: keyset pages, EXISTS columns, the JSON intent grouping, timestamps as Dates. */
describeWithPostgres('dashboard read APIs on PostgreSQL', () => {
  let postgres: TempDatabase;
  let running: RunningApp;
  let cookie: string;
  const get = async (path: string) => {
    const response = await dashboardFetch(running.url, cookie, path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.headers.get('content-type')?.includes('json') ? response.json() : response.text();
  };

  beforeAll(async () => {
    postgres = await createTempPostgres(base!);
    running = await startApp({ DATABASE_URL: postgres.url });
    const sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    await seedDashboardData(sql, { contacts: 2500, messages: 7500 });
    await sql.run("INSERT INTO contact_activity (id, contact_id, kind, detail, at) VALUES ('a1', 'c1', 'intent', '{\"kind\":\"intent\",\"intent\":\"pricing\"}', ?)", [new Date().toISOString()]);
    cookie = (await login(running.url, (await keysByRole(running)).admin.key)).cookie;
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await postgres?.drop();
  });

  it('pages conversations and leads, explains a lead, counts the funnel and exports CSV', async () => {
    const conversations = await get('/api/v1/conversations?limit=20&channel=sms');
    expect(conversations.items).toHaveLength(20);
    expect(conversations.total).toBe(833);
    expect(conversations.items[0]).toMatchObject({ channel: 'sms', lastMessage: { from: expect.any(String) } });
    expect(Date.parse(conversations.items[0].updatedAt)).toBeGreaterThan(Date.parse(conversations.items[19].updatedAt) - 1);

    const leads = await get('/api/v1/leads?sort=score&order=desc&limit=10');
    expect(leads.total).toBe(2500);
    expect(leads.items.map((l: { score: number }) => l.score)).toEqual([...leads.items.map((l: { score: number }) => l.score)].sort((a, b) => b - a));
    const consented = await get('/api/v1/leads?consent=granted&limit=1');
    expect(consented.total).toBe(250);
    const lead = await get(`/api/v1/leads/${leads.items[0].id}`);
    expect(lead.score.total).toBe(leads.items[0].score);
    expect(lead.conversations[0].engaged).toBe(true);

    const funnel = await get('/api/v1/funnel');
    expect(funnel.total.conversations).toBe(2500);
    expect(funnel.total.engaged).toBe(2500);
    expect(funnel.total.handedOff).toBeGreaterThan(0);
    expect(funnel.intents).toEqual({ pricing: 1 });
    const csv = await get('/api/v1/leads?format=csv&lifecycle=sql');
    expect(csv.split('\n').length).toBeGreaterThan(2);
    await get('/api/v1/flows');
    await get('/api/v1/audit-events');
  }, 30_000);
});
