import fc from 'fast-check';
import { ConversationEngine } from '@parley/engine';
import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { FakeBotConnector } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { BotFrameworkUser } from './support/bot-framework-user';
import { malformedRequest } from './support/fuzz-bodies';

const { textOf, actionsOf } = BotFrameworkUser;
const APP_ID = '00000000-0000-4000-8000-00000000b07f';

function storeOf(running: () => RunningApp) {
  const sql = () => running().app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  return {
    async messages(address: string) {
      return sql().all<{ direction: string; text: string; external_id: string | null; conversation_id: string }>(
        `SELECT m.direction, m.text, m.external_id, m.conversation_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE c.channel = 'botframework' AND c.address = ? ORDER BY m.position`,
        [address],
      );
    },
    async attributes(address: string) {
      const row = await sql().get<{ attributes: string }>(
        `SELECT ct.attributes FROM contacts ct JOIN channel_identities i ON i.contact_id = ct.id WHERE i.channel = 'botframework' AND i.address = ?`,
        [address],
      );
      return row ? (JSON.parse(row.attributes) as Record<string, unknown>) : undefined;
    },
    async count() {
      return (await sql().get<{ n: number }>(`SELECT COUNT(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.channel = 'botframework'`))!.n;
    },
  };
}

describe('Bot Framework end to end (emulator mode: no app id, BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true)', () => {
  let running: RunningApp;
  const connector = new FakeBotConnector();
  const store = storeOf(() => running);
  const user = () => new BotFrameworkUser(() => running.url, connector);

  beforeAll(async () => {
    await connector.start();
    running = await startApp({ BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: 'true' });
  });
  afterAll(async () => {
    await running?.close();
    await connector.stop();
  });

  it('greets a new member, qualifies the lead with typed answers and a suggested action, replying in the conversation', async () => {
    const jane = user();
    expect((await jane.join()).status).toBe(200);
    const greeting = await jane.repliesTo(undefined, 2);
    expect(greeting.map(textOf)).toEqual([expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);
    expect(greeting.every((d) => d.conversationId === jane.conversationId)).toBe(true);
    expect(jane.received().map((d) => d.activity.type)).toEqual(['typing', 'message', 'message']);
    expect(greeting[0].activity).toMatchObject({
      type: 'message',
      conversation: { id: jane.conversationId },
      recipient: { id: jane.userId },
      from: { id: 'parley-bot' },
      channelId: 'emulator',
    });

    const name = await jane.say('Jane');
    expect(name.status).toBe(200);
    const [askEmail] = await jane.repliesTo(name.activityId, 1);
    expect(textOf(askEmail)).toBe("Nice to meet you, Jane! What's your work email?");
    expect(askEmail.activity.replyToId).toBe(name.activityId);

    const email = await jane.say('jane@acme.io');
    const [askSize] = await jane.repliesTo(email.activityId, 1);
    expect(textOf(askSize)).toBe('How many people work at your company?');
    expect(actionsOf(askSize)).toEqual([
      { type: 'messageBack', title: '1-49', text: '1-49', displayText: '1-49', value: { payload: 'smb' } },
      { type: 'messageBack', title: '50-999', text: '50-999', displayText: '50-999', value: { payload: 'midmarket' } },
      { type: 'messageBack', title: '1000+', text: '1000+', displayText: '1000+', value: { payload: 'enterprise' } },
    ]);

    const size = await jane.press(actionsOf(askSize)[1]);
    const [thanks] = await jane.repliesTo(size.activityId, 1);
    expect(textOf(thanks)).toBe('Thanks, Jane! A product specialist will reach out to set up a demo for your team.');

    // Each answer is announced by a typing indicator, sent before the replies it announces.
    for (const answer of [name, email, size]) {
      const sent = jane.received().filter((d) => d.replyToId === answer.activityId).map((d) => d.activity.type);
      expect(sent).toEqual(['typing', 'message']);
    }
    expect(await store.attributes(jane.address)).toMatchObject({ name: 'Jane', email: 'jane@acme.io', companySize: 'midmarket' });
    const inbound = (await store.messages(jane.address)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => [m.text, m.external_id])).toEqual([
      ['Jane', `emulator/${jane.conversationId}/${name.activityId}`],
      ['jane@acme.io', `emulator/${jane.conversationId}/${email.activityId}`],
      ['50-999', `emulator/${jane.conversationId}/${size.activityId}`],
    ]);
  });

  it('offers Teams users imBack suggested actions, whose title alone picks the option', async () => {
    const kai = new BotFrameworkUser(() => running.url, connector, { channelId: 'msteams', userName: 'Kai' });
    await kai.join();
    await kai.repliesTo(undefined, 2);
    await kai.repliesTo((await kai.say('Kai')).activityId, 1);
    const [askSize] = await kai.repliesTo((await kai.say('kai@acme.io')).activityId, 1);
    expect(actionsOf(askSize)).toEqual([
      { type: 'imBack', title: '1-49', value: '1-49' },
      { type: 'imBack', title: '50-999', value: '50-999' },
      { type: 'imBack', title: '1000+', value: '1000+' },
    ]);
    const [thanks] = await kai.repliesTo((await kai.press(actionsOf(askSize)[2])).activityId, 1);
    expect(textOf(thanks)).toMatch(/^Thanks, Kai! An account executive for enterprise teams will email you at kai@acme.io/);
    expect(await store.attributes(kai.address)).toMatchObject({ companySize: 'enterprise' });
  });

  it('stores and answers a redelivered activity once', async () => {
    const sam = user();
    await sam.join();
    await sam.repliesTo(undefined, 2);
    const activity = sam.activity('message', { text: 'Sam' });
    const first = await sam.post(activity);
    const again = await sam.post(activity);
    expect([first.status, again.status]).toEqual([200, 200]);
    await sam.repliesTo(first.activityId, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sam.received().filter((d) => d.replyToId === first.activityId).map((d) => d.activity.type)).toEqual(['typing', 'message']);
    expect((await store.messages(sam.address)).filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['Sam']);
  });

  it('greets no one when only the bot joined, and greets a returning member only once', async () => {
    const ana = user();
    const botOnly = await ana.post(ana.activity('conversationUpdate', { membersAdded: [{ id: 'parley-bot' }] }));
    expect(botOnly.status).toBe(200);
    await ana.join();
    await ana.repliesTo(undefined, 2);
    await ana.join();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ana.messages()).toHaveLength(2);
  });

  it('reaches the user later through the stored conversation reference (an agent reply)', async () => {
    const lee = user();
    await lee.join();
    const [greeting] = await lee.repliesTo(undefined, 2);
    const name = await lee.say('Lee');
    await lee.repliesTo(name.activityId, 1);
    const [{ conversation_id }] = await store.messages(lee.address);
    await running.app.get(ConversationEngine).sendAsAgent(conversation_id, 'Hi Lee, Sam from sales here.');
    const agent = await connector.waitFor(() => lee.messages().find((d) => textOf(d) === 'Hi Lee, Sam from sales here.'));
    expect(agent).toMatchObject({ conversationId: lee.conversationId, replyToId: name.activityId });
    expect(greeting.activity.recipient).toEqual({ id: lee.userId, name: 'Jane' });
  });

  it('forgets where to reach the user when the contact is erased', async () => {
    const zoe = user();
    await zoe.join();
    await zoe.repliesTo(undefined, 2);
    const sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    const reference = () => sql.get(`SELECT address FROM bot_conversation_references WHERE address = ?`, [zoe.address]);
    expect(await reference()).toBeDefined();
    const { contact_id } = (await sql.get<{ contact_id: string }>(`SELECT contact_id FROM channel_identities WHERE channel = 'botframework' AND address = ?`, [zoe.address]))!;
    const { key } = await new SqlApiKeys(sql).create('botframework-e2e', 'admin', new Date());
    const erased = await fetch(`${running.url}/api/v1/contacts/${contact_id}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    expect(erased.status).toBe(200);
    expect(await reference()).toBeUndefined();
  });

  it('still delivers the replies when the Connector answers 503 twice (the SDK retries)', async () => {
    const max = user();
    connector.failNext(2);
    await max.join();
    expect((await max.repliesTo(undefined, 2, 20_000)).map(textOf)).toEqual([expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);
  }, 30_000);

  it('answers client mistakes with 400 and a JSON reason, and ignores activities that need no answer', async () => {
    const kim = user();
    const noConversation = await kim.post({ ...kim.activity('message', { text: 'hi' }), conversation: undefined });
    expect(noConversation.status).toBe(400);
    expect(JSON.parse(noConversation.body)).toMatchObject({ error: 'bad_request', message: 'conversation.id is required' });
    const noId = await kim.post({ ...kim.activity('message', { text: 'hi' }), id: undefined });
    expect(noId.status).toBe(400);
    const badServiceUrl = await kim.post({ ...kim.activity('message', { text: 'hi' }), serviceUrl: 'file:///etc/passwd' });
    expect(badServiceUrl.status).toBe(400);
    const notAnObject = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(notAnObject.status).toBe(400);
    expect((await kim.post(kim.activity('typing'))).status).toBe(200);
    expect((await kim.post(kim.activity('message', { text: 'echo', from: { id: 'parley-bot' } }))).status).toBe(200);
    expect(await store.messages(kim.address)).toEqual([]);
  });

  it('survives malformed bodies and activity-shaped garbage without a 5xx', async () => {
    const kim = user();
    const before = await store.count();
    const post = async (body: string | Uint8Array<ArrayBuffer>, contentType?: string) =>
      (await fetch(`${running.url}/api/messages`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body })).status;
    await fc.assert(
      fc.asyncProperty(malformedRequest, async (request) => {
        expect(await post(request.body, request.contentType)).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
    const field = fc.oneof(fc.anything(), fc.constantFrom('', 'message', 'conversationUpdate', 'invoke', 'http://127.0.0.1:9/', 'javascript:x', 'emulator'));
    const garbageActivity = fc.record(
      {
        type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing'), field),
        id: field,
        channelId: field,
        serviceUrl: field,
        from: fc.oneof(field, fc.record({ id: field, name: field, role: field })),
        recipient: fc.oneof(field, fc.record({ id: field, role: field })),
        conversation: fc.oneof(field, fc.record({ id: field })),
        text: field,
        value: field,
        locale: field,
        membersAdded: fc.oneof(field, fc.array(fc.record({ id: field }))),
        timestamp: field,
        deliveryMode: fc.oneof(field, fc.constant('expectReplies')),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(garbageActivity, async (activity) => {
        expect(await post(JSON.stringify({ ...kim.activity('message'), ...activity }) ?? 'null', 'application/json')).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
    expect(await store.count()).toBeGreaterThanOrEqual(before);
  }, 60_000);
});

describe('Bot Framework rich messages (event-registration as the entry flow)', () => {
  let running: RunningApp;
  const connector = new FakeBotConnector();

  beforeAll(async () => {
    await connector.start();
    running = await startApp({ BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: 'true', ENTRY_FLOW: 'event-registration' });
  });
  afterAll(async () => {
    await running?.close();
    await connector.stop();
  });

  it("shows a say node's card as a hero card", async () => {
    const ana = new BotFrameworkUser(() => running.url, connector);
    await ana.join();
    const [invite, ask] = await ana.repliesTo(undefined, 2);
    expect(invite.activity.text).toBeUndefined();
    expect(invite.activity.attachments).toEqual([
      {
        contentType: 'application/vnd.microsoft.card.hero',
        content: {
          title: 'Parley Live Berlin',
          subtitle: '12 June 2025 · Kulturbrauerei, Berlin',
          text: 'Parley Live Berlin is on 12 June 2025: talks, workshops and the product roadmap. Want to join?',
          images: [{ url: 'https://events.parley.example/live-berlin.png' }],
          buttons: [{ type: 'openUrl', title: 'Agenda', value: 'https://events.parley.example/live-berlin' }],
        },
      },
    ]);
    expect(textOf(ask)).toBe('Shall I register you?');
  });
});

describe('Bot Framework channel off (no app id, no emulator mode)', () => {
  let running: RunningApp;
  const connector = new FakeBotConnector();

  beforeAll(async () => {
    await connector.start();
    running = await startApp({ RATE_LIMIT_WEBHOOK_PER_IP: '3' });
  });
  afterAll(async () => {
    await running?.close();
    await connector.stop();
  });

  it('answers 503 with a JSON reason and stores nothing', async () => {
    const jane = new BotFrameworkUser(() => running.url, connector);
    const response = await jane.say('hello');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'channel_off', message: expect.stringContaining('MICROSOFT_APP_ID') });
    expect(await storeOf(() => running).count()).toBe(0);
    expect(connector.deliveries).toEqual([]);
  });

  it('limits /api/messages per IP like the webhooks (429)', async () => {
    const jane = new BotFrameworkUser(() => running.url, connector);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await jane.say('hello')).status);
    // The test above used one request of the three allowed.
    expect(statuses).toEqual([503, 503, 429, 429]);
  });
});

describe('Bot Framework with an app id (activities must be signed)', () => {
  let running: RunningApp;
  const connector = new FakeBotConnector();
  const impostor = new FakeBotConnector();
  const store = storeOf(() => running);

  beforeAll(async () => {
    await Promise.all([connector.start(), impostor.start()]);
    running = await startApp({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      // Set on purpose: with an app id it must change nothing.
      BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: 'true',
      BOTFRAMEWORK_OPENID_METADATA_URL: connector.openIdMetadataUrl,
    });
  });
  afterAll(async () => {
    await running?.close();
    await Promise.all([connector.stop(), impostor.stop()]);
  });

  it('refuses unsigned, forged, foreign and misdirected tokens with 401 and stores nothing', async () => {
    const jane = new BotFrameworkUser(() => running.url, connector);
    const valid = connector.signToken({ appId: APP_ID, serviceUrl: connector.url });
    const [header, payload] = valid.split('.');
    const foreignSignature = impostor.signToken({ appId: APP_ID, serviceUrl: connector.url }).split('.')[2];
    const attempts: (string | null)[] = [
      null,
      'Bearer forged',
      `Bearer ${header}.${payload}.${foreignSignature}`,
      `Bearer ${impostor.signToken({ appId: APP_ID, serviceUrl: connector.url })}`,
      `Bearer ${connector.signToken({ appId: 'another-bot', serviceUrl: connector.url })}`,
      `Bearer ${connector.signToken({ appId: APP_ID, serviceUrl: 'https://elsewhere.example/' })}`,
      `Bearer ${connector.signToken({ appId: APP_ID, serviceUrl: connector.url, issuer: 'https://issuer.example' })}`,
      `Bearer ${connector.signToken({ appId: APP_ID, serviceUrl: connector.url, expiresInSeconds: -3600 })}`,
    ];
    for (const authorization of attempts) {
      const response = await jane.post(jane.activity('message', { text: 'Jane' }), authorization);
      expect([authorization, response.status]).toEqual([authorization, 401]);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'unauthorized' });
    }
    expect((await jane.post(jane.activity('conversationUpdate', { membersAdded: [{ id: jane.userId }] }), null)).status).toBe(401);
    expect(await store.count()).toBe(0);
    expect(connector.deliveries).toEqual([]);
  });

  it('accepts an activity signed with the channel key published in the OpenID metadata', async () => {
    const jane = new BotFrameworkUser(() => running.url, connector, { appId: APP_ID });
    const response = await jane.say('hello');
    expect(response.status).toBe(200);
    expect((await store.messages(jane.address)).filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['hello']);
  });
});
