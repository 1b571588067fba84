import { FakeWebhookReceiver } from '@parley/testing';
import { OwnRedis } from './support/redis-server';
import { ResilientVisitor } from './support/resilient-visitor';
import { ScaleCluster, scaleSkipReason, scaleTargets } from './support/scale-cluster';
import { buildIfStale, type SpawnedApp } from './support/spawn-app';
import { TcpProxy } from './support/tcp-proxy';

const VISITORS = 20;
const SECRET = 'scale-faults-secret';
const skip = scaleSkipReason();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !done(); await pause(50)) if (Date.now() > deadline) throw new Error('condition not met in time');
}

/** Web chat load over two instances, `fault` in the middle; then every acked message must be stored once, in order, answered, and pushed once. */
async function underLoad(cluster: ScaleCluster, receiver: FakeWebhookReceiver, instances: SpawnedApp[], fault: () => Promise<void>): Promise<string> {
  const visitors = Array.from({ length: VISITORS }, (_, i) => new ResilientVisitor(() => instances[i % instances.length].url));
  let stop = false;
  const loops = visitors.map(async (visitor, i) => {
    for (let n = 0; !stop; n++) await visitor.say(`visitor ${i} says ${n}`, `m${n}`);
  });
  const acked = () => visitors.map((v) => v.acked.length);
  try {
    await until(() => acked().every((n) => n >= 3));
    const before = acked();
    await fault();
    // the load goes on through the fault and after it
    await until(() => acked().every((n, i) => n >= before[i] + 3));
  } finally {
    stop = true;
  }
  const failures = (await Promise.all(loops.map((l) => l.then(() => undefined, (e: unknown) => e)))).filter(Boolean);
  visitors.forEach((v) => v.close());
  expect(failures).toEqual([]);

  const transcripts = await cluster.transcripts('webchat');
  let total = 0;
  for (const visitor of visitors) {
    const lines = transcripts.get(visitor.visitorId)!;
    expect(lines.filter((l) => l.sender === 'visitor').map((l) => l.text)).toEqual(visitor.acked);
    lines.forEach((line, k) => {
      if (line.sender === 'visitor') expect(lines[k + 1]?.text).toBe(`got ${line.text}`);
    });
    total += visitor.acked.length;
  }
  await receiver.waitForAccepted(total, 40_000);
  await pause(300);
  expect(receiver.effects).toBe(total);
  return `${total} messages, ${visitors.reduce((sum, v) => sum + v.connections.length - 1, 0)} reconnects, ${receiver.duplicates} repeated job deliveries`;
}

(skip ? describe.skip : describe)(`faults under load on two instances${skip ? ` (${skip})` : ''}`, () => {
  beforeAll(() => buildIfStale(), 120_000);

  it('Redis killed and restarted empty mid-load: nothing acked is lost, every job runs once (relayed again from the outbox)', async () => {
    const redis = new OwnRedis();
    const cluster = new ScaleCluster();
    const receiver = new FakeWebhookReceiver(SECRET);
    try {
      await cluster.start({ REDIS_URL: await redis.start(), CRM_WEBHOOK_URL: await receiver.start(), CRM_WEBHOOK_SECRET: SECRET, JOBS_LEASE_MS: '2000' });
      const instances = await Promise.all([cluster.spawn(), cluster.spawn()]);
      const summary = await underLoad(cluster, receiver, instances, async () => {
        await redis.kill();
        await pause(1500);
        await redis.start();
      });
      console.log(`Redis restart: ${summary}`);
    } finally {
      await cluster.stop();
      await redis.kill();
      await receiver.stop();
    }
  }, 90_000);

  it('PostgreSQL connections cut for 2 s mid-load (a restart): nothing acked is lost, every job runs once', async () => {
    const target = new URL(scaleTargets().databaseUrl!);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const cluster = new ScaleCluster();
    const receiver = new FakeWebhookReceiver(SECRET);
    try {
      await cluster.start({ CRM_WEBHOOK_URL: await receiver.start(), CRM_WEBHOOK_SECRET: SECRET, JOBS_LEASE_MS: '2000' });
      const proxied = new URL(cluster.env.DATABASE_URL);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(await proxy.start());
      cluster.env.DATABASE_URL = proxied.toString();
      const instances = await Promise.all([cluster.spawn(), cluster.spawn()]);
      let unhealthy = 0;
      const summary = await underLoad(cluster, receiver, instances, async () => {
        await proxy.cut();
        await pause(1000);
        unhealthy = (await Promise.all(instances.map((i) => fetch(`${i.url}/health`).then((r) => r.status)))).filter((s) => s === 503).length;
        await pause(1000);
        await proxy.restore();
      });
      expect(unhealthy).toBe(2);
      const health = await Promise.all(instances.map((i) => fetch(`${i.url}/health`).then((r) => r.status)));
      expect(health).toEqual([200, 200]);
      console.log(`PostgreSQL restart: ${summary}`);
    } finally {
      await cluster.stop();
      await proxy.stop();
      await receiver.stop();
    }
  }, 90_000);
});
