import { FakeSlack, FakeWebhookReceiver } from '@parley/testing';
import { ResilientVisitor } from './support/resilient-visitor';
import { ScaleCluster, scaleSkipReason } from './support/scale-cluster';
import { cardText, SLACK_SECRET, SlackPeer } from './support/slack-peer';
import { buildIfStale, type SpawnedApp } from './support/spawn-app';

const VISITORS = 200;
const MESSAGES = 10;
const SECRET = 'scale-secret';
const skip = scaleSkipReason();

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

(skip ? describe.skip : describe)(`two instances on one PostgreSQL + Redis${skip ? ` (${skip})` : ''}`, () => {
  const cluster = new ScaleCluster();
  const receiver = new FakeWebhookReceiver(SECRET);
  const slack = new FakeSlack();
  let a: SpawnedApp;
  let b: SpawnedApp;
  const visitors: ResilientVisitor[] = [];

  beforeAll(async () => {
    buildIfStale();
    await cluster.start({
      CRM_WEBHOOK_URL: await receiver.start(),
      CRM_WEBHOOK_SECRET: SECRET,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: await slack.start(),
      SLACK_SALES_CHANNEL: 'C_SALES',
    });
    [a, b] = await Promise.all([cluster.spawn(), cluster.spawn()]);
  }, 120_000);
  afterAll(async () => {
    visitors.forEach((v) => v.close());
    await cluster.stop();
    await receiver.stop();
    await slack.stop();
  });

  it(`keeps ${VISITORS} visitors × ${MESSAGES} messages spread over both in order, none lost or duplicated, some moving instance mid-way`, async () => {
    const started = Date.now();
    const homes = Array.from({ length: VISITORS }, (_, i) => (i % 2 === 0 ? a : b));
    visitors.push(...homes.map((_, i) => new ResilientVisitor(() => homes[i].url)));
    const movers = new Set(visitors.filter((_, i) => i % 10 === 0));
    const errors = await Promise.all(
      visitors.map(async (visitor, i) => {
        try {
          for (let n = 0; n < MESSAGES; n++) {
            if (n === MESSAGES / 2 && movers.has(visitor)) {
              homes[i] = homes[i] === a ? b : a;
              await visitor.reconnect();
            }
            await visitor.say(`visitor ${i} message ${n}`, `m${n}`);
          }
        } catch (error) {
          return error;
        }
      }),
    );
    expect(errors.filter(Boolean)).toEqual([]);

    const transcripts = await cluster.transcripts('webchat');
    expect(transcripts.size).toBe(VISITORS);
    visitors.forEach((visitor, i) => {
      const lines = transcripts.get(visitor.visitorId)!;
      const sent = Array.from({ length: MESSAGES }, (_, n) => `visitor ${i} message ${n}`);
      expect(lines.filter((l) => l.sender === 'visitor').map((l) => l.text)).toEqual(sent);
      lines.forEach((line, k) => {
        if (line.sender === 'visitor') expect(lines[k + 1]?.text).toBe(`got ${line.text}`);
      });
      if (movers.has(visitor)) expect(new Set(visitor.connections).size).toBe(2);
    });
    // each reply reached its visitor live (the last one may still be on its way)
    await new Promise((r) => setTimeout(r, 300));
    for (const visitor of visitors.filter((v) => !movers.has(v))) expect(visitor.received.filter((t) => t.startsWith('got ')).length).toBe(MESSAGES);
    await receiver.waitForAccepted(VISITORS * MESSAGES, 30_000);
    expect(receiver.effects).toBe(VISITORS * MESSAGES);
    const conversations = await cluster.query<{ n: string }>(`SELECT COUNT(*) AS n FROM conversations`);
    expect(Number(conversations[0].n)).toBe(VISITORS + 0);
    console.log(`scale-out: ${VISITORS * MESSAGES} messages over 2 instances in ${Date.now() - started} ms, ${movers.size} visitors moved instance, ${receiver.duplicates} repeated job deliveries`);
  }, 90_000);

  it('delivers a Slack rep reply handled by instance B to the visitor connected to instance A', async () => {
    const visitor = new ResilientVisitor(() => a.url);
    visitors.push(visitor);
    await visitor.say('talk to a human', 'h1');
    const conversation = await cluster.query<{ id: string }>(`SELECT id FROM conversations WHERE address = $1`, [visitor.visitorId]);
    const conversationId = conversation[0].id;
    const card = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && cardText(m).includes(conversationId)));
    const rep = new SlackPeer(() => b.url);
    expect((await rep.press('handoff_claim', conversationId, 'U_ANA')).status).toBe(200);
    await until(() => visitor.received.some((t) => /is joining/.test(t)));
    expect((await rep.replyInThread(card, 'EvScale1', 'Hello from a rep on instance B', 'U_ANA')).status).toBe(200);
    await until(() => visitor.received.includes('Hello from a rep on instance B'));
    expect(visitor.connections).toEqual([a.url]);
  }, 30_000);

  it('SIGTERM of instance B mid-chat: B exits 0, its visitors carry on on A, nothing lost', async () => {
    let bUp = true;
    const movers = Array.from({ length: 20 }, () => new ResilientVisitor(() => (bUp ? b.url : a.url)));
    visitors.push(...movers);
    let stop = false;
    const loops = movers.map(async (visitor, i) => {
      for (let n = 0; !stop; n++) await visitor.say(`mover ${i} says ${n}`, `m${n}`);
    });
    await until(() => movers.every((v) => v.acked.length >= 2));
    const exited = new Promise<number | null>((resolve) => b.child.once('exit', (code) => resolve(code)));
    b.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    bUp = false;
    const atExit = movers.map((v) => v.acked.length);
    await until(() => movers.every((v, i) => v.acked.length >= atExit[i] + 2));
    stop = true;
    await Promise.all(loops);
    const transcripts = await cluster.transcripts('webchat');
    for (const visitor of movers) {
      expect(transcripts.get(visitor.visitorId)!.filter((l) => l.sender === 'visitor').map((l) => l.text)).toEqual(visitor.acked);
      expect(visitor.connections.at(-1)).toBe(a.url);
    }
  }, 60_000);
});
