import { SqlApiKeys, type ApiRole, type SqlDatabase } from '@parley/persistence';
import { io, type Socket } from 'socket.io-client';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { answerInTurn, qualifiedEnterpriseAnswers } from './support/b2b-lead';
import { ChatClient } from './support/chat-client';
import { dashboardFetch, keysByRole, login, nextEvent } from './support/dashboard-session';
import { buildIfStale } from './support/spawn-app';

function feed(url: string, cookie?: string): Socket {
  return io(`${url}/dashboard`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Polls until the answer satisfies the check (at most 6 s). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 6000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('dashboard sessions, read APIs and live feed', () => {
  let running: RunningApp;
  let keys: Record<ApiRole, { key: string; id: string }>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    buildIfStale(); // the page and its assets are served from dist/dashboard
    running = await startApp({ ENTRY_FLOW: 'b2b-lead-qualification' });
    keys = await keysByRole(running);
  }, 180_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await running?.close();
  });

  it('trades a key for an httpOnly, SameSite=Strict session cookie that never holds the key', async () => {
    const { cookie, setCookie, body } = await login(running.url, keys.marketer.key);
    expect(body).toEqual({ name: 'marketer-dashboard', role: 'marketer' });
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; https (or a trusted proxy's) adds it
    expect(setCookie).not.toContain(keys.marketer.key.slice(3));
    expect((await dashboardFetch(running.url, cookie, '/dashboard/session')).status).toBe(200);
    expect((await dashboardFetch(running.url, cookie, '/api/v1/leads')).status).toBe(200);

    const bad = await fetch(`${running.url}/dashboard/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'pk_nope' }) });
    expect(bad.status).toBe(401);
    const malformed = await fetch(`${running.url}/dashboard/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"key": 5}' });
    expect(malformed.status).toBe(400);
  });

  it('refuses a cookie without the dashboard header (CSRF), after logout, and once the key is revoked', async () => {
    const { cookie } = await login(running.url, keys.admin.key);
    expect((await dashboardFetch(running.url, cookie, '/api/v1/leads', { header: false })).status).toBe(403);
    expect((await dashboardFetch(running.url, cookie, '/api/v1/audit-events')).status).toBe(200);

    const apiKeys = new SqlApiKeys(running.app.get<{ sql: SqlDatabase }>(DATABASE).sql);
    const doomed = await apiKeys.create('doomed', 'marketer', new Date());
    const session = await login(running.url, doomed.key);
    expect((await dashboardFetch(running.url, session.cookie, '/api/v1/leads')).status).toBe(200);
    await apiKeys.revoke(doomed.identity.id, new Date());
    expect((await dashboardFetch(running.url, session.cookie, '/api/v1/leads')).status).toBe(401);

    const other = await login(running.url, keys.sales.key);
    const live = feed(running.url, other.cookie);
    sockets.push(live);
    await connected(live);
    const closed = new Promise<string>((resolve) => live.once('disconnect', resolve));
    expect((await fetch(`${running.url}/dashboard/logout`, { method: 'POST', headers: { cookie: other.cookie } })).status).toBe(200);
    expect(await closed).toBe('io server disconnect'); // the logout closes the session's live feed too
    expect((await dashboardFetch(running.url, other.cookie, '/api/v1/leads')).status).toBe(401);
  });

  it('applies the same role rules to a session as to its key', async () => {
    const readonly = await login(running.url, keys.readonly.key);
    expect((await dashboardFetch(running.url, readonly.cookie, '/api/v1/audit-events')).status).toBe(403);
    const id = '0190b6a4-0000-7000-8000-000000000000';
    expect((await dashboardFetch(running.url, readonly.cookie, `/api/v1/conversations/${id}/take-over`, { method: 'POST', body: {} })).status).toBe(403);
    expect((await fetch(`${running.url}/api/v1/leads`, { headers: { authorization: `Bearer ${keys.readonly.key}` } })).status).toBe(200);
  });

  it('lets only a logged-in, same-origin socket onto the live feed', async () => {
    const anonymous = feed(running.url);
    sockets.push(anonymous);
    await expect(connected(anonymous)).rejects.toThrow(/unauthorized/);
    const { cookie } = await login(running.url, keys.readonly.key);
    const foreign = io(`${running.url}/dashboard`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie, origin: 'https://evil.example' } });
    sockets.push(foreign);
    await expect(connected(foreign)).rejects.toThrow(/unauthorized/);
  });

  it('streams a web chat live, takes it over, replies to the visitor, hands back, and counts it in the funnel and leads', async () => {
    const { cookie } = await login(running.url, keys.sales.key);
    const live = feed(running.url, cookie);
    sockets.push(live);
    await connected(live);

    const visitor = new ChatClient(running.url);
    const hello = await visitor.hello();
    const conversationId = hello.conversationId;
    const greeted = await nextEvent<{ conversationId: string; from: string }>(live, 'message', (m) => m.conversationId === conversationId && m.from === 'bot');
    expect(greeted.from).toBe('bot');
    await answerInTurn(visitor, qualifiedEnterpriseAnswers('Ada Lovelace', 'ada@analytical.io'));
    await visitor.next((m) => m.from === 'bot' && /demo|specialist|calendar|sales/i.test(m.text));

    const list = await (await dashboardFetch(running.url, cookie, '/api/v1/conversations?limit=5')).json();
    const row = list.items.find((c: { id: string }) => c.id === conversationId);
    expect(row).toMatchObject({ channel: 'webchat', contactName: 'Ada Lovelace', lastMessage: { from: 'bot' } });

    const owned = nextEvent<{ id: string; owner: string }>(live, 'conversation', (c) => c.id === conversationId && c.owner === 'human');
    const take = await dashboardFetch(running.url, cookie, `/api/v1/conversations/${conversationId}/take-over`, { method: 'POST', body: {} });
    expect(take.status).toBe(201);
    await owned;
    expect((await dashboardFetch(running.url, cookie, `/api/v1/conversations/${conversationId}/take-over`, { method: 'POST', body: {} })).status).toBe(409);

    const pushed = nextEvent<{ from: string; text: string }>(live, 'message', (m) => m.from === 'agent');
    const reply = await dashboardFetch(running.url, cookie, `/api/v1/conversations/${conversationId}/reply`, { method: 'POST', body: { text: 'Hi Ada, Grace from sales here.' } });
    expect(reply.status).toBe(201);
    expect(await visitor.next((m) => m.from === 'agent')).toMatchObject({ text: 'Hi Ada, Grace from sales here.' });
    expect(await pushed).toMatchObject({ text: 'Hi Ada, Grace from sales here.' });
    const inbound = nextEvent<{ from: string; text: string }>(live, 'message', (m) => m.from === 'visitor' && m.text === 'thanks Grace');
    await visitor.send('thanks Grace');
    await inbound;

    expect((await dashboardFetch(running.url, cookie, `/api/v1/conversations/${conversationId}/hand-back`, { method: 'POST', body: {} })).status).toBe(201);
    const transcript = await (await dashboardFetch(running.url, cookie, `/api/v1/conversations/${conversationId}/messages`)).json();
    expect(transcript.items.map((m: { from: string; text: string }) => `${m.from}:${m.text}`)).toEqual(
      expect.arrayContaining(['agent:Hi Ada, Grace from sales here.', 'visitor:thanks Grace', 'visitor:Ada Lovelace']),
    );

    // The leads list and the funnel answer from a snapshot that a request older than 2 s refreshes behind itself.
    const funnel = await eventually(async () => (await dashboardFetch(running.url, cookie, '/api/v1/funnel')).json(), (f) => f.total.handedOff === 1);
    expect(funnel.total).toMatchObject({ conversations: 1, engaged: 1, lead: 1, handedOff: 1 });
    expect(funnel.byChannel.webchat.conversations).toBe(1);
    expect(typeof funnel.intents).toBe('object');
    const leads = await (await dashboardFetch(running.url, cookie, '/api/v1/leads?q=ada&sort=score')).json();
    expect(leads.total).toBe(1);
    expect(leads.items[0]).toMatchObject({ name: 'Ada Lovelace', email: 'ada@analytical.io', channels: ['webchat'] });
    expect(leads.items[0].score).toBeGreaterThan(0);
    const lead = await (await dashboardFetch(running.url, cookie, `/api/v1/leads/${leads.items[0].id}`)).json();
    expect(lead.score.total).toBe(leads.items[0].score);
    expect(lead.timeline.some((t: { kind: string }) => t.kind === 'message')).toBe(true);
    const csv = await (await dashboardFetch(running.url, cookie, '/api/v1/leads?format=csv&minScore=1')).text();
    expect(csv.split('\n')[0]).toBe('id,name,email,phone,segment,score,lifecycle,consent,channels,handedOff,createdAt,updatedAt');
    expect(csv).toContain('Ada Lovelace,ada@analytical.io');
    const none = await (await dashboardFetch(running.url, cookie, '/api/v1/leads?minScore=100000')).json();
    expect(none.total).toBe(0);
    visitor.socket.close();
  }, 30_000);

  it('serves the app: the page revalidated, hashed assets cached for a year, client routes to the same page', async () => {
    const page = await fetch(`${running.url}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/dashboard\/assets\/main-[A-Z0-9]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${running.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${running.url}/dashboard/leads/123`)).status).toBe(200);
    expect((await fetch(`${running.url}/dashboard/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
