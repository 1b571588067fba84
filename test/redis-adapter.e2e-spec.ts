import { ChatClient } from './support/chat-client';
import { startApp, type RunningApp } from './support/app';

const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('web chat across two instances sharing Redis', () => {
  let first: RunningApp;
  let second: RunningApp;

  beforeAll(async () => {
    first = await startApp({ REDIS_URL: redisUrl! });
    second = await startApp({ REDIS_URL: redisUrl!, DATABASE_URL: `sqlite:${first.dataDir}/parley.sqlite` });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('delivers a reply produced by instance B to the visitor connected to instance A', async () => {
    const onA = new ChatClient(first.url);
    const alsoOnB = new ChatClient(second.url);
    try {
      const hello = await onA.hello();
      await onA.nextText(/what's your name/i);
      await alsoOnB.hello({ visitorId: hello.visitorId });
      await alsoOnB.send('Crossing Instances');
      const onAReply = await onA.nextText(/Nice to meet you, Crossing Instances/);
      expect(onAReply.conversationId).toBe(hello.conversationId);
    } finally {
      onA.close();
      alsoOnB.close();
    }
  });
});
