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
import type { SlaTimer } from './handoff-timers.port';
import { HandoffTimers } from './handoff-timers.port';
import { InMemoryHandoffThreads } from './in-memory-handoff-threads';
import { SlaSchedule } from './sla-schedule';
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
  readonly ephemeral: { user: string; text: string }[] = [];
  async postEphemeral(post: { channel: string; user: string; text: string }) {
    this.ephemeral.push(post);
  }
}

class RecordingTimers extends HandoffTimers {
  readonly timers: SlaTimer[] = [];
  async schedule(timer: SlaTimer) {
    this.timers.push(timer);
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
  const options = { slaPingMinutes: 5, slaRerouteMinutes: 15, snoozeMinutes: 30 };
  const timers = new RecordingTimers();
  const clock = { now: () => new Date('2026-11-25T12:00:00Z') };
  const sut = new HandoffActions(engine, slack, threads, new SlaSchedule(options, timers), clock, options);
  await engine.start('webchat', 'v1');
  const { conversationId } = await engine.open('webchat', 'v1');
  const card = { conversationId, customerChannel: 'webchat', lastMessages: [], state: { status: 'open' as const } };
  await threads.save({ conversationId, requestKey: 'k1', channel: 'C1', ts: '1.0', card });
  const say = (text: string): InboundMessage => ({ channel: 'webchat', address: 'v1', externalId: text, text, receivedAt: new Date() });
  return { sut, engine, store, slack, transport, conversationId, say, timers };
}

describe('HandoffActions', () => {
  it('lets exactly one of two concurrent claims win, then tells the customer a person is joining', async () => {
    const { sut, slack, transport, conversationId, store } = await setup();
    const outcomes = await Promise.all([sut.claim(conversationId, 'U1'), sut.claim(conversationId, 'U2')]);
    expect(outcomes.sort()).toEqual(['done', 'lost']);
    expect(slack.updates).toHaveLength(1);
    expect(slack.ephemeral).toEqual([{ channel: 'C1', user: 'U2', text: 'Too late for that: it was claimed by <@U1>.' }]);
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

    expect(await sut.end(conversationId, 'U1', 'released')).toBe('done');
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

  it('assigns an open card to the chosen rep, and hands a claimed one to another', async () => {
    const { sut, slack, transport, conversationId, store } = await setup();
    expect(await sut.assign(conversationId, 'U_LEAD', 'U_ANA')).toBe('done');
    expect(JSON.stringify(slack.updates.at(-1)!.blocks)).toContain('Assigned to <@U_ANA> by <@U_LEAD>');
    expect([...store.conversations.values()][0].owner).toBe('human');
    expect(transport.delivered.filter((m) => m.text === JOINING_TEXT)).toHaveLength(1);
    expect(await sut.assign(conversationId, 'U_ANA', 'U_BEN')).toBe('done');
    expect(JSON.stringify(slack.updates.at(-1)!.blocks)).toContain('Assigned to <@U_BEN> by <@U_ANA>');
    expect(transport.delivered.filter((m) => m.text === JOINING_TEXT)).toHaveLength(1);
  });

  it('snoozes an open card: it shows until when, and the SLA timers start a new round from the end of the snooze', async () => {
    const { sut, slack, conversationId, timers } = await setup();
    expect(await sut.snooze(conversationId, 'U1')).toBe('done');
    expect(JSON.stringify(slack.updates.at(-1)!.blocks)).toContain('Snoozed until');
    expect(timers.timers).toEqual([
      { conversationId, step: 'ping', round: 1, runAt: new Date('2026-11-25T12:30:00Z') },
      { conversationId, step: 'reroute', round: 1, runAt: new Date('2026-11-25T12:40:00Z') },
    ]);
    expect(await sut.claim(conversationId, 'U2')).toBe('done');
    expect(await sut.snooze(conversationId, 'U1')).toBe('lost');
  });

  it('resolves a claimed conversation: the bot owns it again and the card says who closed it', async () => {
    const { sut, slack, conversationId, store } = await setup();
    await sut.claim(conversationId, 'U1');
    expect(await sut.end(conversationId, 'U1', 'resolved')).toBe('done');
    expect(JSON.stringify(slack.updates.at(-1)!.blocks)).toContain('Resolved by <@U1>');
    expect([...store.conversations.values()][0].owner).toBe('bot');
  });
});
