import { ChatClient } from './support/chat-client';
import { startApp, type RunningApp } from './support/app';
import { dropKeys, isolatedRedisEnv } from './support/redis-keys';

const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('web chat across two instances sharing Redis', () => {
  const deployment = redisUrl ? isolatedRedisEnv(redisUrl) : undefined;
  const other = redisUrl ? isolatedRedisEnv(redisUrl) : undefined;
  let first: RunningApp;
  let second: RunningApp;
  let foreign: RunningApp;

  beforeAll(async () => {
    first = await startApp(deployment);
    second = await startApp({ ...deployment, DATABASE_URL: `sqlite:${first.dataDir}/parley.sqlite` });
    // another deployment on the same Redis (and, to make cross-talk visible, the same data): its own keys
    foreign = await startApp({ ...other, DATABASE_URL: `sqlite:${first.dataDir}/parley.sqlite` });
  });
  afterAll(async () => {
    await foreign?.close();
    await second?.close();
    await first?.close();
    for (const env of [deployment, other]) if (env) await dropKeys(env.REDIS_URL, env.JOBS_QUEUE_PREFIX);
  });

  it('delivers a reply produced by instance B to the visitor connected to instance A, and not to another deployment on the same Redis', async () => {
    const onA = new ChatClient(first.url);
    const alsoOnB = new ChatClient(second.url);
    const onForeign = new ChatClient(foreign.url);
    try {
      const hello = await onA.hello();
      await onA.nextText(/what's your name/i);
      await onForeign.hello({ visitorId: hello.visitorId });
      await alsoOnB.hello({ visitorId: hello.visitorId });
      await alsoOnB.send('Crossing Instances');
      const onAReply = await onA.nextText(/Nice to meet you, Crossing Instances/);
      expect(onAReply.conversationId).toBe(hello.conversationId);
      await new Promise((r) => setTimeout(r, 300));
      expect(onForeign.received.map((m) => m.text)).not.toContain(onAReply.text);
    } finally {
      onA.close();
      alsoOnB.close();
      onForeign.close();
    }
  });
});
