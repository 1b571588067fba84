import { io, type Socket } from 'socket.io-client';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';
import { dashboardFetch, keysByRole, login, nextEvent } from './support/dashboard-session';

const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('dashboard live feed across two instances sharing Redis', () => {
  let first: RunningApp;
  let second: RunningApp;
  let dashboard: Socket | undefined;

  beforeAll(async () => {
    first = await startApp({ REDIS_URL: redisUrl! });
    second = await startApp({ REDIS_URL: redisUrl!, DATABASE_URL: `sqlite:${first.dataDir}/parley.sqlite` });
  }, 30_000);
  afterAll(async () => {
    dashboard?.close();
    await second?.close();
    await first?.close();
  });

  it('shows on instance A the messages and the take-over of a chat that instance B handles', async () => {
    const keys = await keysByRole(first);
    const { cookie } = await login(first.url, keys.sales.key);
    dashboard = io(`${first.url}/dashboard`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
    await new Promise<void>((resolve, reject) => (dashboard!.once('connect', resolve), dashboard!.once('connect_error', reject)));

    const visitor = new ChatClient(second.url);
    try {
      const hello = await visitor.hello();
      const greeting = nextEvent<{ conversationId: string; from: string }>(dashboard, 'message', (m) => m.conversationId === hello.conversationId && m.from === 'bot');
      await greeting;
      const answer = nextEvent<{ text: string }>(dashboard, 'message', (m) => m.text === 'Across Instances');
      await visitor.send('Across Instances');
      await answer;

      // The session made on A is honoured by B (it lives in the shared database), and B's take-over reaches A's socket.
      const owned = nextEvent<{ id: string; owner: string }>(dashboard, 'conversation', (c) => c.id === hello.conversationId && c.owner === 'human');
      expect((await dashboardFetch(second.url, cookie, `/api/v1/conversations/${hello.conversationId}/take-over`, { method: 'POST', body: {} })).status).toBe(201);
      await owned;
    } finally {
      visitor.close();
    }
  }, 30_000);
});
