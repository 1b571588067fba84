import { RecordingTransport, echoFlow } from '@parley/testing';
import type { ChannelName, InboundMessage } from '@parley/core';
import { flowSchema } from '@parley/flows';
import { ConversationEngine } from './conversation-engine';
import { NoHandoffDesk, NoInboundCompliance, NoLanguageUnderstanding, SystemClock } from './default-adapters';
import { InMemoryConversationStore } from './in-memory-conversation-store';
import { InMemoryFlowCatalog } from './in-memory-flow-catalog';
import type { TurnRecord } from './ports';
import { TransportRegistry } from './transport-registry';



/** Answers each call after a random delay, so calls overlap and finish out of order. */
class JitteryStore extends InMemoryConversationStore {
  private readonly jitter = () => new Promise((r) => setTimeout(r, Math.random() * 3));
  override async open(channel: ChannelName, address: string) {
    await this.jitter();
    return super.open(channel, address);
  }
  override async commitTurn(turn: TurnRecord) {
    await this.jitter();
    return super.commitTurn(turn);
  }
}

function engineOn(store: InMemoryConversationStore) {
  const catalog = new InMemoryFlowCatalog('echo');
  catalog.publish(echoFlow, 'v1');
  const transport = new RecordingTransport();
  const transports = new TransportRegistry();
  transports.register(transport);
  const engine = new ConversationEngine({
    store, catalog, transports,
    understanding: new NoLanguageUnderstanding(),
    compliance: new NoInboundCompliance(),
    handoff: new NoHandoffDesk(),
    clock: new SystemClock(),
  });
  return { engine, transport };
}

const inbound = (text: string, address = 'visitor-1'): InboundMessage => ({
  channel: 'webchat', address, externalId: `${address}:${text}`, text, receivedAt: new Date(),
});

describe('ConversationEngine ordering', () => {
  it('processes messages of one conversation one at a time, in arrival order', async () => {
    const store = new JitteryStore();
    const { engine, transport } = engineOn(store);
    await engine.start('webchat', 'visitor-1');
    const texts = Array.from({ length: 40 }, (_, i) => `message ${i}`);
    await Promise.all(texts.map((t) => engine.handle(inbound(t))));
    const history = await store.history((await store.open('webchat', 'visitor-1')).conversation.id, 1000);
    expect(history.filter((m) => m.from === 'visitor').map((m) => m.text)).toEqual(texts);
    const echoes = transport.delivered.filter((m) => m.text.startsWith('got ')).map((m) => m.text);
    expect(echoes).toEqual(texts.map((t) => `got ${t}`));
  });

  it('keeps every message when two engines (two instances) write one conversation at the same instant', async () => {
    const store = new JitteryStore();
    const a = engineOn(store).engine;
    const b = engineOn(store).engine;
    await a.start('webchat', 'visitor-1');
    const texts = Array.from({ length: 30 }, (_, i) => `m${i}`);
    await Promise.all(texts.map((t, i) => (i % 2 ? a : b).handle(inbound(t))));
    const open = await store.open('webchat', 'visitor-1');
    const history = await store.history(open.conversation.id, 1000);
    expect(history.filter((m) => m.from === 'visitor').map((m) => m.text).sort()).toEqual([...texts].sort());
    expect(history.filter((m) => m.text.startsWith('got '))).toHaveLength(30);
    expect(open.conversation.messageCount).toBe(1 + 30 * 3);
  });

  it('stores and answers a duplicate inbound message once', async () => {
    const store = new InMemoryConversationStore();
    const { engine, transport } = engineOn(store);
    await engine.start('webchat', 'visitor-1');
    const [first, second] = await Promise.all([engine.handle(inbound('hello')), engine.handle(inbound('hello'))]);
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ duplicate: true, messageId: first.messageId });
    expect(transport.delivered.filter((m) => m.text === 'got hello')).toHaveLength(1);
  });

  it('runs different conversations concurrently', async () => {
    const store = new JitteryStore();
    const { engine } = engineOn(store);
    const started = Date.now();
    await Promise.all(Array.from({ length: 50 }, (_, i) => engine.handle(inbound('hi', `v${i}`))));
    expect(Date.now() - started).toBeLessThan(50 * 3);
  });
});

describe('ConversationEngine side effects', () => {
  const qualifyFlow = flowSchema.parse({
    schema: 2,
    id: 'qualify',
    start: 'ask',
    nodes: {
      ask: { type: 'ask', text: 'Your email?', attribute: 'email', validate: 'email', next: 'tag' },
      tag: { type: 'set', attributes: { stage: 'lead' }, tags: { add: ['asked-email'] }, next: 'handoff' },
      handoff: { type: 'handoff', queue: 'sales', priority: 'high', next: 'followup' },
      followup: { type: 'followup', kind: 'email_sequence', target: 'welcome', delay: '1h', next: 'done' },
      done: { type: 'end' },
    },
  });

  it('writes the outbox rows a flow asks for in the turn, once per message even when it is delivered twice', async () => {
    const store = new InMemoryConversationStore();
    const catalog = new InMemoryFlowCatalog('qualify');
    catalog.publish(qualifyFlow, 'v1');
    const transports = new TransportRegistry();
    transports.register(new RecordingTransport());
    const engine = new ConversationEngine({
      store, catalog, transports,
      understanding: new NoLanguageUnderstanding(),
      compliance: new NoInboundCompliance(),
      handoff: new NoHandoffDesk(),
      clock: { now: () => new Date('2026-05-01T12:00:00Z') },
    });
    await engine.start('webchat', 'visitor-1');
    await engine.handle(inbound('jane@acme.io'));
    await engine.handle(inbound('jane@acme.io'));
    expect(store.jobs.map((j) => j.type)).toEqual(['handoff.request', 'followup.email_sequence']);
    expect(store.jobs[0].payload).toMatchObject({ queue: 'sales', priority: 'high' });
    expect(store.jobs[1].runAt).toEqual(new Date('2026-05-01T13:00:00Z'));
    expect(new Set(store.jobs.map((j) => j.idempotencyKey)).size).toBe(2);
    const contact = [...store.contacts.values()][0];
    expect(contact).toMatchObject({ email: 'jane@acme.io', stage: 'lead', tags: ['asked-email'] });
  });
});

