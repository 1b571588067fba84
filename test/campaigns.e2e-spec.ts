import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { FakeTwilio } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { SmsPeer, TWILIO, twilioEnv } from './support/sms-peer';
import { ManualClock } from './support/manual-clock';

const DISCLOSURE = 'Acme Deals: recurring marketing texts, up to 4/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.';
/** 16:00 UTC on a January Tuesday: 11:00 in New York, 06:00 in Honolulu, 01:00 in Tokyo. */
const START = new Date('2027-01-12T16:00:00Z');
const HONOLULU_OPENS = new Date('2027-01-12T18:00:00Z');
const TOKYO_OPENS = new Date('2027-01-12T23:00:00Z');

const phone = (areaCode: string, i: number) => `+1${areaCode}555${String(i).padStart(4, '0')}`;

/** The fields of the API's JSON answers this spec reads. */
interface Answer {
  id: string;
  status: string;
  progress: Record<string, number>;
  items: { id: string }[];
  error?: string;
  message?: string;
  issues?: unknown;
}

interface Person {
  phone: string;
  group: 'open' | 'racing' | 'noConsent' | 'stop' | 'honolulu' | 'tokyo';
  timeZone?: string;
}

/**
 * 500 people in send order: 300 consented New Yorkers (20 of whom text STOP while their turn comes up) interleaved
 * with 120 who never consented, then 40 consented people in quiet hours (30 by Honolulu area code, 10 by a Tokyo
 * time-zone attribute), then 40 consented people who text STOP as the campaign starts.
 */
function audience(): Person[] {
  const people: Person[] = [];
  let open = 0;
  let none = 0;
  for (let i = 0; i < 420; i++) {
    if (i % 7 === 3 && none < 120) people.push({ phone: phone('646', none++), group: 'noConsent' });
    else if (open < 300 && open >= 100 && open % 7 === 0 && open < 240) people.push({ phone: phone('347', open++), group: 'racing' });
    else if (open < 300) people.push({ phone: phone('212', open++), group: 'open' });
    else people.push({ phone: phone('646', none++), group: 'noConsent' });
  }
  for (let i = 0; i < 30; i++) people.push({ phone: phone('808', i), group: 'honolulu' });
  for (let i = 0; i < 10; i++) people.push({ phone: phone('917', i), group: 'tokyo', timeZone: 'Asia/Tokyo' });
  for (let i = 0; i < 40; i++) people.push({ phone: phone('718', i), group: 'stop' });
  return people;
}

describe('SMS campaigns: consent-gated, quiet-hours aware, throttled, with exact progress', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  const clock = new ManualClock(START);
  const advanceTo = (instant: Date) => clock.advance(instant.getTime() - clock.now().getTime());
  let running: RunningApp;
  let sql: SqlDatabase;
  const peer = new SmsPeer(() => running.url, fake);
  const keys: Record<string, string> = {};
  const api = async (path: string, role = 'marketer', body?: unknown) => {
    const response = await fetch(`${running.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${keys[role]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer };
  };
  const contactIdOf = async (number: string) =>
    (await sql.get<{ contact_id: string }>("SELECT contact_id FROM channel_identities WHERE channel = 'sms' AND address = ?", [number]))!.contact_id;
  const until = async (what: () => Promise<boolean>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const progressOf = async (id: string) => (await api(`/campaigns/${id}`)).body;

  beforeAll(async () => {
    const { url } = await fake.start();
    running = await startApp(
      { ...twilioEnv(url), JOBS_POLL_MS: '20', CAMPAIGN_MAX_RATE_PER_SECOND: '500', RATE_LIMIT_WEBHOOK_PER_IP: '100000' },
      { clock },
    );
    sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    const apiKeys = new SqlApiKeys(sql);
    for (const role of ['admin', 'marketer', 'sales', 'readonly'] as const) keys[role] = (await apiKeys.create(role, role, new Date())).key;
  });
  afterAll(async () => {
    await running?.close();
    await fake.stop();
  });

  it('texts 500 contacts: never the non-consented or the opted-out, holds quiet hours until the window opens, counts add up', async () => {
    const people = audience();
    const rows = people.map((p, i) => ({
      phone: p.phone,
      name: `Person ${i}`,
      ...(p.timeZone ? { timeZone: p.timeZone } : {}),
      ...(p.group === 'noConsent' ? {} : { consent_channel: 'sms', consent_purpose: 'marketing', consent_text: DISCLOSURE }),
    }));
    const imported = await api('/contacts/import', 'marketer', { rows });
    expect(imported.body).toMatchObject({ created: 500, consentEvents: 380, errors: [] });
    const contactIds = await Promise.all(people.map((p) => contactIdOf(p.phone)));

    const created = await api('/campaigns', 'marketer', {
      name: 'January deals',
      template: 'Hi {{name}}, 20% off this week at Acme & Co{{#if timezone}} ({{timezone}}){{/if}}. Reply STOP to opt out.',
      audience: { contactIds },
      rate: 200,
    });
    expect(created.status).toBe(201);
    expect(created.body.progress).toEqual({ total: 500, sent: 0, skippedNoConsent: 0, skippedQuietHours: 0, failed: 0, pending: 500 });
    // STOP races the send: 40 posted at once as it starts (their turn comes last), and each of 20 others posted
    // just as the campaign reaches them (when the eighth text before theirs has gone out)
    const stoppers = people.filter((p) => p.group === 'stop');
    const texted = people.filter((p) => p.group === 'open' || p.group === 'racing');
    const racers = people.filter((p) => p.group === 'racing');
    const stop = (p: Person) => peer.post('/webhooks/twilio/sms', peer.inbound(p.phone, 'STOP'));
    const campaignTexts = () => fake.sent.filter((m) => m.body?.includes('20% off'));
    await Promise.all([
      ...stoppers.map(stop),
      ...racers.map(async (p) => {
        await peer.waitFor(() => campaignTexts().length >= texted.indexOf(p) - 8, 15_000);
        await stop(p);
      }),
    ]);

    await until(async () => (await progressOf(created.body.id)).progress.pending === 0);
    const afterRun = await progressOf(created.body.id);
    const textedNumbers = () => campaignTexts().map((m) => m.to);
    const racersTexted = racers.filter((p) => textedNumbers().includes(p.phone));
    expect(afterRun.progress).toEqual({
      total: 500,
      sent: 280 + racersTexted.length,
      skippedNoConsent: 160 + (20 - racersTexted.length),
      skippedQuietHours: 40,
      failed: 0,
      pending: 0,
    });
    expect(afterRun.status).toBe('running');

    expect(new Set(textedNumbers())).toEqual(new Set([...people.filter((p) => p.group === 'open'), ...racersTexted].map((p) => p.phone)));
    for (const p of people.filter((x) => x.group !== 'open' && x.group !== 'racing')) {
      expect({ to: p.phone, texts: campaignTexts().filter((m) => m.to === p.phone).length }).toEqual({ to: p.phone, texts: 0 });
    }
    for (const p of stoppers) expect(fake.sentTo(p.phone).map((m) => m.body)).toEqual([expect.stringMatching(/unsubscribed/)]);
    // a racer got the campaign text only if it went out before their STOP was handled, never after
    for (const p of racers) {
      const bodies = fake.sentTo(p.phone).map((m) => (m.body?.includes('20% off') ? 'campaign' : /unsubscribed/.test(m.body ?? '') ? 'confirmation' : m.body));
      expect({ to: p.phone, bodies }).toEqual({ to: p.phone, bodies: racersTexted.includes(p) ? ['campaign', 'confirmation'] : ['confirmation'] });
    }
    expect(campaignTexts()[0].body).toBe('Hi Person 0, 20% off this week at Acme & Co. Reply STOP to opt out.');

    // Held as stored jobs at each recipient's window opening, not as timers
    const held = await sql.all<{ run_at: string }>("SELECT run_at FROM outbox_jobs WHERE type = 'campaign.held' AND status = 'pending'");
    expect(held.map((j) => new Date(j.run_at).toISOString()).sort()).toEqual([
      ...Array(30).fill(HONOLULU_OPENS.toISOString()),
      ...Array(10).fill(TOKYO_OPENS.toISOString()),
    ]);

    advanceTo(HONOLULU_OPENS);
    const skipped = 160 + (20 - racersTexted.length);
    await until(async () => (await progressOf(created.body.id)).progress.sent === 310 + racersTexted.length);
    expect((await progressOf(created.body.id)).progress).toEqual({ total: 500, sent: 310 + racersTexted.length, skippedNoConsent: skipped, skippedQuietHours: 10, failed: 0, pending: 0 });
    expect(textedNumbers().filter((n) => n.startsWith('+1808'))).toHaveLength(30);

    advanceTo(TOKYO_OPENS);
    await until(async () => (await progressOf(created.body.id)).status === 'completed');
    const done = await progressOf(created.body.id);
    expect(done.progress).toEqual({ total: 500, sent: 320 + racersTexted.length, skippedNoConsent: skipped, skippedQuietHours: 0, failed: 0, pending: 0 });
    expect(campaignTexts().find((m) => m.to === phone('917', 0))?.body).toBe('Hi Person 450, 20% off this week at Acme & Co (Asia/Tokyo). Reply STOP to opt out.');
    // nobody texted twice
    expect(textedNumbers()).toHaveLength(new Set(textedNumbers()).size);
    expect(done.progress.sent).toBe(textedNumbers().length);

    const listed = await api('/campaigns', 'readonly');
    expect(listed.body.items.map((c) => c.id)).toContain(created.body.id);
  }, 60_000);

  it('paces sends at the campaign rate, to a segment', async () => {
    const numbers = Array.from({ length: 5 }, (_, i) => phone('212', 9000 + i));
    const rows = numbers.map((n) => ({ phone: n, batch: 'paced', consent_channel: 'sms', consent_purpose: 'marketing', consent_text: DISCLOSURE }));
    await api('/contacts/import', 'marketer', { rows });
    const segment = await api('/segments', 'marketer', { id: 'paced-batch', name: 'Paced batch', filter: { attribute: 'batch', equals: 'paced' } });
    expect(segment.status).toBe(201);
    const created = await api('/campaigns', 'admin', { name: 'paced', template: 'Paced offer', audience: { segmentId: 'paced-batch' }, rate: 5 });
    expect(created.body.progress.total).toBe(5);
    expect(created.status).toBe(201);
    await until(async () => (await progressOf(created.body.id)).status === 'completed');
    const times = fake.sent.filter((m) => m.body === 'Paced offer').map((m) => m.dateCreated.getTime());
    expect(times).toHaveLength(5);
    // 5 per second: sends start 200 ms apart (800 ms first to last; unpaced they take a few ms); arrivals at the
    // fake also carry HTTP latency jitter, hence the margins. The pacer's exact spacing: send-pacer.spec.ts
    expect(times[4] - times[0]).toBeGreaterThanOrEqual(600);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(50);
  }, 20_000);

  it('holds a scheduled campaign until its start time, then sends it', async () => {
    const numbers = Array.from({ length: 3 }, (_, i) => phone('212', 9100 + i));
    const rows = numbers.map((n) => ({ phone: n, consent_channel: 'sms', consent_purpose: 'marketing', consent_text: DISCLOSURE }));
    await api('/contacts/import', 'marketer', { rows });
    const contactIds = await Promise.all(numbers.map(contactIdOf));
    const startAt = new Date(clock.now().getTime() + 2 * 3600_000);
    const created = await api('/campaigns', 'marketer', { name: 'later', template: 'Scheduled offer', audience: { contactIds }, rate: 50, startAt: startAt.toISOString() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'scheduled', startAt: startAt.toISOString() });
    await new Promise((r) => setTimeout(r, 1500)); // several worker polls
    expect(fake.sent.filter((m) => m.body === 'Scheduled offer')).toHaveLength(0);
    expect(await progressOf(created.body.id)).toMatchObject({ status: 'scheduled', progress: { total: 3, pending: 3, sent: 0 } });

    advanceTo(new Date(startAt.getTime() + 1000));
    await until(async () => (await progressOf(created.body.id)).status === 'completed');
    expect(fake.sent.filter((m) => m.body === 'Scheduled offer').map((m) => m.to).sort()).toEqual([...numbers].sort());
    // Segments per text, for the campaign's cost report.
    const segments = await sql.all<{ sms_segments: number | null }>('SELECT sms_segments FROM campaign_recipients WHERE campaign_id = ?', [created.body.id]);
    expect(segments.map((r) => Number(r.sms_segments))).toEqual([1, 1, 1]);
    const tooLate = await api('/campaigns', 'marketer', { name: 'x', template: 'Hi', audience: { contactIds }, startAt: new Date(clock.now().getTime() + 400 * 86_400_000).toISOString() });
    expect({ status: tooLate.status, error: tooLate.body.error }).toEqual({ status: 400, error: 'invalid_start' });
    const notADate = await api('/campaigns', 'marketer', { name: 'x', template: 'Hi', audience: { contactIds }, startAt: 'tomorrow' });
    expect({ status: notADate.status, error: notADate.body.error }).toEqual({ status: 400, error: 'invalid_request' });
  }, 30_000);

  it('answers 503 with the reason while the SMS channel is off (here: no PUBLIC_BASE_URL to sign status callbacks)', async () => {
    const { PUBLIC_BASE_URL: _unset, ...withoutBase } = twilioEnv(fake.url);
    const off = await startApp(withoutBase);
    try {
      const key = (await new SqlApiKeys(off.app.get<{ sql: SqlDatabase }>(DATABASE).sql).create('m', 'marketer', new Date())).key;
      const response = await fetch(`${off.url}/api/v1/campaigns`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', template: 'Hi', audience: { contactIds: ['0190b6a4-0000-7000-8000-000000000000'] } }),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'sms_off', message: expect.stringContaining('PUBLIC_BASE_URL') });
    } finally {
      await off.close();
    }
  });

  it('refuses bad campaigns at creation with a clear 4xx, and checks roles', async () => {
    const [someone] = await sql.all<{ contact_id: string }>("SELECT contact_id FROM channel_identities WHERE channel = 'sms' LIMIT 1");
    const audienceOf = { contactIds: [someone.contact_id] };
    const refused = async (body: unknown, error: string, message: RegExp) => {
      const response = await api('/campaigns', 'marketer', body);
      expect({ status: response.status, error: response.body.error }).toEqual({ status: 400, error });
      expect(response.body.message ?? JSON.stringify(response.body.issues)).toMatch(message);
    };
    await refused({ name: 'x', template: 'Hi {{nickname}}', audience: audienceOf }, 'unknown_variables', /\{\{nickname\}\}/);
    await refused({ name: 'x', template: 'Hi {{name', audience: audienceOf }, 'invalid_template', /does not parse/);
    await refused({ name: 'x', template: 'Hi', audience: audienceOf, rate: 900 }, 'invalid_rate', /at most 500/);
    await refused({ name: 'x', template: 'Hi', audience: { segmentId: 'vip' } }, 'audience_unavailable', /no segment "vip"/);
    await refused({ name: 'x', template: 'Hi', audience: { filter: { tags: ['nobody-has-this'] } } }, 'empty_audience', /no contact/);
    await refused({ name: 'x', template: 'Hi', audience: audienceOf, rate: -1 }, 'invalid_request', /rate/);
    expect((await api('/campaigns', 'sales', { name: 'x', template: 'Hi', audience: audienceOf })).status).toBe(403);
    expect((await api('/campaigns/not-a-uuid')).status).toBe(400);
    expect((await api('/campaigns/0190b6a4-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
