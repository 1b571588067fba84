import { RecordingTransport, echoFlow } from '@parley/testing';
import type { InboundMessage } from '@parley/core';
import {
  ConversationEngine,
  InMemoryConversationStore,
  InMemoryFlowCatalog,
  NoInboundCompliance,
  NoLanguageUnderstanding,
  SystemClock,
  TransportRegistry,
} from '@parley/engine';
import { HandoffActions, JOINING_TEXT } from './handoff-actions.service';
import { InMemoryHandoffThreads } from './in-memory-handoff-threads';
import { SlackApi, type SlackBlock, type SlackPost } from './slack-api.port';
import { SlackHandoffDesk } from './slack-handoff.desk';


class RecordingSlack extends SlackApi {
  readonly posts: SlackPost[] = [];
  readonly updates: { ts: string; blocks: SlackBlock[] }[] = [];
  async postMessage(post: SlackPost) {
    this.posts.push(post);
    return { channel: post.channel, ts: `1.${this.posts.length}` };
  }
  async updateMessage(update: { channel: string; ts: string; text: string; blocks: SlackBlock[] }) {
    this.updates.push(update);
  }
}


async function setup() {
  const store = new InMemoryConversationStore();
  const catalog = new InMemoryFlowCatalog('echo');
  catalog.publish(echoFlow, 'v1');
  const transport = new RecordingTransport();
  const transports = new TransportRegistry();
  transports.register(transport);
  const slack = new RecordingSlack();
  const threads = new InMemoryHandoffThreads();
  const engine = new ConversationEngine({
    store, catalog, transports,
    understanding: new NoLanguageUnderstanding(),
    compliance: new NoInboundCompliance(),
    handoff: new SlackHandoffDesk(slack, threads),
    clock: new SystemClock(),
  });
  const sut = new HandoffActions(engine, slack, threads);
  await engine.start('webchat', 'v1');
  const { conversationId } = await engine.open('webchat', 'v1');
  const card = { conversationId, customerChannel: 'webchat', lastMessages: [], state: { status: 'open' as const } };
  await threads.save({ conversationId, requestKey: 'k1', channel: 'C1', ts: '1.0', card });
  const say = (text: string): InboundMessage => ({ channel: 'webchat', address: 'v1', externalId: text, text, receivedAt: new Date() });
  return { sut, engine, store, slack, transport, conversationId, say };
}

describe('HandoffActions', () => {
  it('lets exactly one of two concurrent claims win, then tells the customer a person is joining', async () => {
    const { sut, slack, transport, conversationId, store } = await setup();
    const outcomes = await Promise.all([sut.claim(conversationId, 'U1'), sut.claim(conversationId, 'U2')]);
    expect(outcomes.sort()).toEqual(['done', 'lost']);
    expect(slack.updates).toHaveLength(1);
    expect(transport.delivered.filter((m) => m.from === 'agent').map((m) => m.text)).toEqual([JOINING_TEXT]);
    expect([...store.conversations.values()][0].owner).toBe('human');
  });

  it('mirrors a claimed conversation to the thread instead of running the flow, until it is handed back', async () => {
    const { sut, engine, slack, transport, conversationId, say } = await setup();
    await sut.claim(conversationId, 'U1');
    const before = transport.delivered.length;
    await engine.handle(say('hello?'));
    expect(slack.posts.at(-1)).toMatchObject({ channel: 'C1', threadTs: '1.0', text: '*Customer:* hello?' });
    expect(transport.delivered).toHaveLength(before);

    expect(await sut.reply('C1', '1.0', 'Hi, I am Ana')).toBe('done');
    expect(transport.delivered.at(-1)).toMatchObject({ from: 'agent', text: 'Hi, I am Ana' });

    expect(await sut.release(conversationId, 'U1')).toBe('done');
    expect(await sut.reply('C1', '1.0', 'too late')).toBe('lost');
    const handedBack = transport.delivered.length;
    await engine.handle(say('anyone?'));
    expect(transport.delivered.slice(handedBack).map((m) => `${m.from}: ${m.text}`)).toContain('bot: got anyone?');
  });

  it('marks a card not a fit without taking the conversation from the bot', async () => {
    const { sut, slack, conversationId, store } = await setup();
    expect(await sut.decline(conversationId, 'U1')).toBe('done');
    expect(JSON.stringify(slack.updates[0].blocks)).toContain('not a fit by <@U1>');
    expect(await sut.claim(conversationId, 'U2')).toBe('lost');
    expect([...store.conversations.values()][0].owner).toBe('bot');
  });
});
