import Database from 'better-sqlite3';
import { FakeWebhookReceiver } from '@parley/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResilientVisitor } from './support/resilient-visitor';
import { buildIfStale, spawnApp, type SpawnedApp } from './support/spawn-app';

const VISITORS = 10;
const SECRET = 'drain-secret';

const exitOf = (server: SpawnedApp) =>
  new Promise<number | null>((resolve) => (server.child.exitCode !== null ? resolve(server.child.exitCode) : server.child.once('exit', (code) => resolve(code))));

describe('graceful shutdown on SIGTERM', () => {
  let dataDir: string;
  let receiver: FakeWebhookReceiver;
  let env: Record<string, string>;
  const servers: SpawnedApp[] = [];
  const visitors: ResilientVisitor[] = [];
  let stop = false;

  beforeAll(async () => {
    buildIfStale();
    dataDir = mkdtempSync(join(tmpdir(), 'parley-drain-'));
    // a slow CRM, and few jobs per round: jobs are in flight and queued up when SIGTERM arrives
    receiver = new FakeWebhookReceiver(SECRET, 300);
    env = {
      DATABASE_URL: `sqlite:${join(dataDir, 'parley.sqlite')}`,
      FLOWS_DIR: join(__dirname, 'fixtures/scale-flows'),
      ENTRY_FLOW: 'echo-push',
      CRM_WEBHOOK_URL: await receiver.start(),
      CRM_WEBHOOK_SECRET: SECRET,
      JOBS_POLL_MS: '20',
      JOBS_BATCH_SIZE: '25',
      SHUTDOWN_GRACE_MS: '8000',
      WEBCHAT_FLOOD_MESSAGES: '100000',
    };
  }, 120_000);
  afterAll(async () => {
    stop = true;
    visitors.forEach((v) => v.close());
    await Promise.all(servers.map((s) => s.kill()));
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drains in-flight messages and jobs, tells visitors to reconnect, exits 0; the next instance resumes with nothing lost', async () => {
    const first = await spawnApp(env);
    servers.push(first);
    let current = first.url;
    visitors.push(...Array.from({ length: VISITORS }, () => new ResilientVisitor(() => current)));
    const loops = visitors.map(async (visitor, v) => {
      for (let n = 0; !stop; n++) await visitor.say(`v${v} says ${n}`, `m${n}`);
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
    expect((await Promise.all(loops)).filter(Boolean)).toEqual([]);
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
