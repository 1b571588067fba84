import Database from 'better-sqlite3';
import { FakeTwilio, FakeWebhookReceiver } from '@parley/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResilientVisitor } from './support/resilient-visitor';
import { SmsPeer, TWILIO, messageSid, twilioEnv } from './support/sms-peer';
import { buildIfStale, spawnApp, type SpawnedApp } from './support/spawn-app';

const VISITORS = 10;
const PHONES = 5;
/** People pause between messages; it also keeps the job backlog (and the test's length) the same on a fast or a busy machine. */
const pace = () => new Promise((r) => setTimeout(r, 100));
const SECRET = 'drain-secret';

const exitOf = (server: SpawnedApp) =>
  new Promise<number | null>((resolve) => (server.child.exitCode !== null ? resolve(server.child.exitCode) : server.child.once('exit', (code) => resolve(code))));

describe('graceful shutdown on SIGTERM', () => {
  let dataDir: string;
  let receiver: FakeWebhookReceiver;
  const twilio = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let env: Record<string, string>;
  const servers: SpawnedApp[] = [];
  const visitors: ResilientVisitor[] = [];
  let stop = false;

  beforeAll(async () => {
    buildIfStale();
    dataDir = mkdtempSync(join(tmpdir(), 'parley-drain-'));
    // a slow CRM, and few jobs per round: jobs are in flight and queued up when SIGTERM arrives
    receiver = new FakeWebhookReceiver(SECRET, 300);
    await twilio.start();
    env = {
      ...twilioEnv(twilio.url),
      DATABASE_URL: `sqlite:${join(dataDir, 'parley.sqlite')}`,
      FLOWS_DIR: join(__dirname, 'fixtures/scale-flows'),
      ENTRY_FLOW: 'echo-push',
      CRM_WEBHOOK_URL: await receiver.start(),
      CRM_WEBHOOK_SECRET: SECRET,
      JOBS_POLL_MS: '20',
      JOBS_BATCH_SIZE: '50',
      SHUTDOWN_GRACE_MS: '8000',
      WEBCHAT_FLOOD_MESSAGES: '100000',
    };
  }, 120_000);
  afterAll(async () => {
    stop = true;
    visitors.forEach((v) => v.close());
    await Promise.all(servers.map((s) => s.kill()));
    await receiver.stop();
    await twilio.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drains in-flight messages and jobs, tells visitors to reconnect, exits 0; the next instance resumes with nothing lost', async () => {
    const first = await spawnApp(env);
    servers.push(first);
    let current = first.url;
    visitors.push(...Array.from({ length: VISITORS }, () => new ResilientVisitor(() => current)));
    const loops = visitors.map(async (visitor, v) => {
      for (let n = 0; !stop; n++) {
        await visitor.say(`v${v} says ${n}`, `m${n}`);
        await pace();
      }
    }).map((loop) => loop.catch((error: unknown) => error));
    // phones text through Twilio; a request the stopping instance no longer takes is re-posted (same MessageSid) to the current one
    const texted = new Map<string, string[]>();
    const texts = Array.from({ length: PHONES }, async (_, p) => {
      const phone = `+1415555${String(2000 + p)}`;
      texted.set(phone, []);
      for (let n = 0; !stop; n++) {
        const body = `phone ${p} says ${n}`;
        const params = new SmsPeer(() => '', twilio).inbound(phone, body, messageSid());
        for (let attempt = 0; (await new SmsPeer(() => current, twilio).post('/webhooks/twilio/sms', params).then((r) => r.status, () => 0)) !== 200; attempt++) {
          if (attempt > 200) throw new Error(`SMS ${body} never accepted`);
          await new Promise((r) => setTimeout(r, 50));
        }
        texted.get(phone)!.push(body);
        await pace();
      }
    }).map((loop) => loop.catch((error: unknown) => error));
    await new Promise((r) => setTimeout(r, 1000));

    first.child.kill('SIGTERM');
    const exited = exitOf(first);
    const health: number[] = [];
    let draining = false;
    for (let exitedYet = false; !exitedYet; ) {
      const response = await fetch(`${first.url}/health`).catch(() => undefined);
      if (response) {
        health.push(response.status);
        if (response.status === 503) draining ||= ((await response.json()) as { status?: string }).status === 'draining';
      }
      exitedYet = first.child.exitCode !== null || !response;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await exited).toBe(0);
    expect(draining).toBe(true);

    const db = new Database(join(dataDir, 'parley.sqlite'), { readonly: true });
    const jobsLeft = () => (db.prepare(`SELECT COUNT(*) AS n FROM outbox_jobs WHERE status <> 'done'`).get() as { n: number }).n;
    const running = (db.prepare(`SELECT COUNT(*) AS n FROM outbox_jobs WHERE status = 'running'`).get() as { n: number }).n;
    const queuedAtExit = jobsLeft();

    const second = await spawnApp(env);
    servers.push(second);
    current = second.url;
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    expect((await Promise.all([...loops, ...texts])).filter(Boolean)).toEqual([]);
    visitors.forEach((v) => v.close());

    // a job the first instance started was finished before it exited: none was cut short, none runs twice
    expect(running).toBe(0);
    expect(queuedAtExit).toBeGreaterThan(0);
    expect(visitors.reduce((sum, v) => sum + v.drainingHints, 0)).toBeGreaterThan(0);

    const stored = db.prepare(
      `SELECT m.sender, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.address = ? ORDER BY m.position`,
    );
    let total = 0;
    for (const visitor of visitors) {
      const rows = stored.all(visitor.visitorId) as { sender: string; text: string }[];
      expect(rows.filter((r) => r.sender === 'visitor').map((r) => r.text)).toEqual(visitor.acked);
      rows.forEach((row, i) => {
        if (row.sender === 'visitor') expect(rows[i + 1]?.text).toBe(`got ${row.text}`);
      });
      total += visitor.acked.length;
    }
    // every acked text is stored once and answered, and (a graceful stop delivers what it started) every answer reached Twilio
    const sent = new Set(twilio.sent.map((m) => `${m.to} ${m.body}`));
    for (const [phone, bodies] of texted) {
      const rows = stored.all(phone) as { sender: string; text: string }[];
      expect(rows.filter((r) => r.sender === 'visitor').map((r) => r.text)).toEqual(bodies);
      rows.forEach((row, i) => {
        if (row.sender !== 'visitor') return;
        const answer = row.text === bodies[0] ? 'Say something' : `got ${row.text}`;
        expect(rows[i + 1]?.text).toBe(answer);
        expect(sent.has(`${phone} ${answer}`) || answer === 'Say something').toBe(true);
      });
      total += bodies.length - 1;
    }
    await receiver.waitForAccepted(total, 20_000);
    const deadline = Date.now() + 10_000;
    while (jobsLeft() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(jobsLeft()).toBe(0);
    db.close();
    expect(receiver.effects).toBe(total);
    expect(receiver.duplicates).toBe(0);
    console.log(`graceful shutdown: ${total} messages, ${queuedAtExit} jobs queued at exit and run by the next instance, health ${[...new Set(health)].join('/')}`);
  }, 60_000);
});
