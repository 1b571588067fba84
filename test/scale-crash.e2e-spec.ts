import { FakeTwilio, FakeWebhookReceiver } from '@parley/testing';
import { ResilientVisitor } from './support/resilient-visitor';
import { ScaleCluster, scaleSkipReason } from './support/scale-cluster';
import { SmsPeer, TWILIO, messageSid, twilioEnv } from './support/sms-peer';
import type { SpawnedApp } from './support/spawn-app';
import { buildIfStale } from './support/spawn-app';

const VISITORS = 40;
const PHONES = 20;
const SECRET = 'scale-crash-secret';
const skip = scaleSkipReason();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

(skip ? describe.skip : describe)(`kill -9 of one of two instances under web chat + SMS load${skip ? ` (${skip})` : ''}`, () => {
  const cluster = new ScaleCluster();
  const receiver = new FakeWebhookReceiver(SECRET);
  const twilio = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let a: SpawnedApp;
  let b: SpawnedApp;
  const visitors: ResilientVisitor[] = [];
  let stop = false;

  beforeAll(async () => {
    buildIfStale();
    await twilio.start();
    await cluster.start({ ...twilioEnv(twilio.url), CRM_WEBHOOK_URL: await receiver.start(), CRM_WEBHOOK_SECRET: SECRET, JOBS_LEASE_MS: '2000' });
    [a, b] = await Promise.all([cluster.spawn(), cluster.spawn()]);
  }, 120_000);
  afterAll(async () => {
    stop = true;
    visitors.forEach((v) => v.close());
    await cluster.stop();
    await receiver.stop();
    await twilio.stop();
  });

  it('keeps every acked message exactly once and answered, moves visitors to the survivor, and runs every job once', async () => {
    let aAlive = true;
    // the load balancer: half the traffic to each, all of it to B once A is down
    const route = (i: number) => (aAlive && i % 2 === 0 ? a.url : b.url);
    visitors.push(...Array.from({ length: VISITORS }, (_, i) => new ResilientVisitor(() => route(i))));
    const chats = visitors.map(async (visitor, i) => {
      for (let n = 0; !stop; n++) await visitor.say(`visitor ${i} says ${n}`, `m${n}`);
    });

    const phones = Array.from({ length: PHONES }, (_, i) => `+1415555${String(1000 + i)}`);
    const smsAcked = new Map<string, string[]>(phones.map((p) => [p, []]));
    const texts = phones.map(async (phone, i) => {
      for (let n = 0; !stop; n++) {
        const body = `phone ${i} says ${n}`;
        const params = new SmsPeer(() => '', twilio).inbound(phone, body, messageSid());
        // Twilio's request goes to whichever instance the balancer picks; a refused one is retried (same MessageSid) on the other.
        for (let attempt = 0; ; attempt++) {
          const status = await new SmsPeer(() => route(i + attempt), twilio).post('/webhooks/twilio/sms', params).then((r) => r.status, () => 0);
          if (status === 200) break;
          if (attempt > 50) throw new Error(`SMS ${body} never accepted (last status ${status})`);
          await pause(50);
        }
        smsAcked.get(phone)!.push(body);
      }
    });

    const webAcked = () => visitors.map((v) => v.acked.length);
    const smsCounts = () => phones.map((p) => smsAcked.get(p)!.length);
    const until = async (done: () => boolean) => {
      for (const deadline = Date.now() + 30_000; !done() && Date.now() < deadline; ) await pause(50);
    };
    // steady load first: every visitor and phone has had answers from its instance
    await until(() => webAcked().every((n) => n >= 3) && smsCounts().every((n) => n >= 2));
    await a.kill();
    aAlive = false;
    const webAtKill = webAcked();
    const smsAtKill = smsCounts();
    const ackedAtKill = webAtKill.reduce((x, y) => x + y, 0) + smsAtKill.reduce((x, y) => x + y, 0);
    // A's visitors and phones resume their conversations on B
    await until(() => webAcked().every((n, i) => n >= webAtKill[i] + 3) && smsCounts().every((n, i) => n >= smsAtKill[i] + 2));
    stop = true;
    const failures = (await Promise.all([...chats, ...texts].map((p) => p.then(() => undefined, (error: unknown) => error)))).filter(Boolean);
    expect(failures).toEqual([]);

    const movedVisitors = visitors.filter((v, i) => i % 2 === 0 && v.connections.includes(b.url)).length;
    expect(movedVisitors).toBe(VISITORS / 2);
    expect(webAcked().every((n, i) => n >= webAtKill[i] + 3)).toBe(true);
    expect(smsCounts().every((n, i) => n >= smsAtKill[i] + 2)).toBe(true);

    const web = await cluster.transcripts('webchat');
    for (const visitor of visitors) {
      const lines = web.get(visitor.visitorId)!;
      expect(lines.filter((l) => l.sender === 'visitor').map((l) => l.text)).toEqual(visitor.acked);
      lines.forEach((line, k) => {
        if (line.sender === 'visitor') expect(lines[k + 1]?.text).toBe(`got ${line.text}`);
      });
    }
    const sms = await cluster.transcripts('sms');
    for (const [phone, acked] of smsAcked) {
      const lines = sms.get(phone)!;
      expect(lines.filter((l) => l.sender === 'visitor').map((l) => l.text)).toEqual(acked);
      // a first text starts the flow (its answer is the question); every later one is echoed
      lines.forEach((line, k) => {
        if (line.sender === 'visitor') expect(lines[k + 1]?.text).toBe(line.text === acked[0] ? 'Say something' : `got ${line.text}`);
      });
    }

    const total = visitors.reduce((sum, v) => sum + v.acked.length, 0) + [...smsAcked.values()].reduce((sum, t) => sum + t.length, 0);
    // one CRM push per echoed message: all but each phone's first text, which starts the flow
    const pushes = total - PHONES;
    const outbox = await cluster.query<{ n: string }>(`SELECT COUNT(*) AS n FROM outbox_jobs WHERE type = 'followup.crm_push'`);
    expect(Number(outbox[0].n)).toBe(pushes);
    await receiver.waitForAccepted(pushes, 40_000);
    await pause(500);
    expect(receiver.effects).toBe(pushes);
    const sentBodies = new Set(twilio.sent.map((m) => `${m.to} ${m.body}`));
    const smsReplies = [...smsAcked].flatMap(([phone, bodies]) => bodies.slice(1).filter((body) => sentBodies.has(`${phone} got ${body}`))).length + PHONES;
    const smsTotal = [...smsAcked.values()].reduce((sum, t) => sum + t.length, 0);
    // only jobs A was running at the kill can be delivered again (after their lock lapsed); the receiver's dedupe on the key keeps one effect
    expect(receiver.duplicates).toBeLessThanOrEqual(20);
    // a reply stored by A but not yet handed to Twilio at the kill is in the transcript, not on the phone: at most one per phone A held
    expect(smsTotal - smsReplies).toBeLessThanOrEqual(PHONES / 2);
    console.log(
      `scale crash: ${ackedAtKill} messages acked before kill -9, ${total} in all (${smsTotal} SMS); ${receiver.duplicates} job deliveries repeated (deduped by key); ` +
        `${smsReplies}/${smsTotal} SMS replies reached Twilio`,
    );
  }, 90_000);
});
