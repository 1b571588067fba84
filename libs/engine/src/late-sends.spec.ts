import type { InboundMessage, OutboundMessage } from '@parley/core';
import { parseFlow } from '@parley/flows';
import { ConversationEngine } from './conversation-engine';
import { NoHandoffDesk, NoInboundCompliance, NoLanguageUnderstanding } from './default-adapters';
import type { AgentReplyHeld } from './agent-reply-gate';
import { Clock } from './ports';
import { InMemoryConversationStore } from './in-memory-conversation-store';
import { InMemoryFlowCatalog } from './in-memory-flow-catalog';
import { RecordingTransport } from './transcripts/transcript-adapters';
import { TransportRegistry } from './transport-registry';

/** Starts at 10:00 in San Francisco (so agents' replies meet no quiet hours) and moves when the test says. */
class ManualClock extends Clock {
  private at = Date.parse('2026-11-20T18:00:00.000Z');

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

const heldOf = (sent: OutboundMessage | AgentReplyHeld | undefined) => (sent && 'held' in sent ? sent.held : undefined);

const SID = 'HX0123456789abcdef0123456789abcdef';
const HOUR = 3_600_000;
const ADDRESS = 'whatsapp:+14155550100';

const loaded = parseFlow(
  `
schema: 2
id: nudge
start: ask
nodes:
  ask:
    type: wait
    text: Want to finish your order?
    timeout: 2h
    next: done
    onTimeout: nudge
  nudge:
    type: say
    text: "Your cart is saved, {{contact.firstName | default: \\"friend\\"}}."
    media: { kind: image, url: "https://shop.example/cart.png" }
    whatsappTemplate: { contentSid: ${SID}, variables: { "1": "{{contact.firstName | default: \\"friend\\"}}" } }
    next: done
  done: { type: end }
`,
  'nudge.flow.yaml',
);

function setup() {
  if (!loaded.ok) throw new Error('fixture flow is invalid');
  const catalog = new InMemoryFlowCatalog('nudge');
  catalog.publish(loaded.flow, 'v1');
  const store = new InMemoryConversationStore();
  const transport = new RecordingTransport();
  const transports = new TransportRegistry();
  transports.register(transport);
  const clock = new ManualClock();
  const engine = new ConversationEngine({
    store, catalog, transports, clock,
    understanding: new NoLanguageUnderstanding(),
    compliance: new NoInboundCompliance(),
    handoff: new NoHandoffDesk(),
  });
  return { engine, store, transport, clock };
}

const hi = (clock: Clock, channel: InboundMessage['channel'] = 'whatsapp', address = ADDRESS): InboundMessage => ({
  channel, address, externalId: `SM-${Math.random()}`, text: 'Hi', receivedAt: clock.now(),
});

describe('the outbound gate on late sends', () => {
  it('answers a WhatsApp message free-form, and a timeout within 24 hours too, with its image', async () => {
    const { engine, transport, clock } = setup();
    const { conversationId, replies } = await engine.handle(hi(clock));
    expect(replies.map((r) => r.text)).toEqual(['Want to finish your order?']);
    clock.advance(2 * HOUR);
    const late = await engine.timeout(conversationId, { nodeId: 'ask' });
    expect(late?.refused).toBeUndefined();
    expect(transport.delivered.at(-1)).toMatchObject({ text: 'Your cart is saved, friend.', media: { kind: 'image', url: 'https://shop.example/cart.png' } });
    expect(transport.delivered.at(-1)?.sendAsTemplate).toBeUndefined();
  });

  it('sends the node’s approved template when the timeout runs 25 hours after the last message', async () => {
    const { engine, transport, clock } = setup();
    const { conversationId } = await engine.handle(hi(clock));
    clock.advance(25 * HOUR);
    await engine.timeout(conversationId, { nodeId: 'ask' });
    expect(transport.delivered.at(-1)).toMatchObject({ sendAsTemplate: true, template: { contentSid: SID, variables: { '1': 'friend' } } });
    // The timeout ran once: a retried job finds the flow moved on and sends nothing.
    await engine.timeout(conversationId, { nodeId: 'ask' });
    expect(transport.delivered).toHaveLength(2);
  });

  it('holds a timeout that falls in the recipient’s quiet hours until their morning, then runs it', async () => {
    const { engine, store, transport, clock } = setup();
    const { conversationId } = await engine.handle(hi(clock));
    clock.advance(14 * HOUR); // 00:00 in San Francisco
    const night = await engine.timeout(conversationId, { nodeId: 'ask' });
    expect(night?.replies).toEqual([]);
    expect(transport.delivered).toHaveLength(1);
    const [held] = store.jobs.filter((job) => job.type === 'flow.timeout' && job.idempotencyKey.startsWith('wait-held:'));
    expect(held).toMatchObject({ runAt: new Date('2026-11-21T16:00:00.000Z'), payload: { conversationId, nodeId: 'ask' } });
    clock.advance(held.runAt.getTime() - clock.now().getTime());
    await engine.timeout(conversationId, { nodeId: 'ask' });
    expect(transport.delivered.at(-1)).toMatchObject({ text: 'Your cart is saved, friend.' });
  });

  it('refuses a free-form agent reply 25 hours later, stores it as refused and tells the caller why', async () => {
    const { engine, store, transport, clock } = setup();
    const { conversationId } = await engine.handle(hi(clock));
    clock.advance(23 * HOUR);
    expect(heldOf(await engine.sendAsAgent(conversationId, 'Still there?'))).toBeUndefined();
    clock.advance(2 * HOUR);
    expect(await engine.sendAsAgent(conversationId, 'Did it fit?')).toEqual({ held: 'whatsapp_window_closed' });
    expect(transport.delivered.map((m) => m.text)).toEqual(['Want to finish your order?', 'Still there?']);
    expect(store.refused).toEqual([{ message: expect.objectContaining({ text: 'Did it fit?' }), reason: 'whatsapp_window_closed' }]);
    expect((await store.history(conversationId, 10)).map((m) => m.text)).toContain('Did it fit?');
  });

  it('keeps the window from the last inbound message, not the last one sent', async () => {
    const { engine, clock } = setup();
    const { conversationId } = await engine.handle(hi(clock));
    clock.advance(23 * HOUR);
    expect(heldOf(await engine.sendAsAgent(conversationId, 'Anything else?'))).toBeUndefined();
    clock.advance(2 * HOUR);
    expect(heldOf(await engine.sendAsAgent(conversationId, 'Hello?'))).toBe('whatsapp_window_closed');
    await engine.handle(hi(clock));
    clock.advance(HOUR / 2);
    expect(heldOf(await engine.sendAsAgent(conversationId, 'Welcome back'))).toBeUndefined();
  });

  it('refuses an agent reply to a person who opted out of SMS, and never applies the window there', async () => {
    const { engine, store, transport, clock } = setup();
    const { conversationId } = await engine.handle(hi(clock, 'sms', '+14155550100'));
    clock.advance(48 * HOUR);
    expect(heldOf(await engine.sendAsAgent(conversationId, 'Two days later'))).toBeUndefined();
    const contactId = (await store.find(conversationId))!.contact.id;
    store.consent.push({ contactId, channel: 'sms', purpose: 'all', action: 'revoke', source: 'keyword', evidence: {}, actor: 'contact', at: new Date() });
    expect(heldOf(await engine.sendAsAgent(conversationId, 'Are you sure?'))).toBe('opted_out');
    expect(transport.delivered.map((m) => m.text)).toEqual(['Want to finish your order?', 'Two days later']);
  });
});
