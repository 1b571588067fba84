import type { InboundMessage } from '@parley/core';
import { flowSchema } from '@parley/flows';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationEngine } from '../conversation-engine';
import { NoHandoffDesk, NoInboundCompliance, NoLanguageUnderstanding } from '../default-adapters';
import { InMemoryConversationStore } from '../in-memory-conversation-store';
import { InMemoryFlowCatalog } from '../in-memory-flow-catalog';
import { TransportRegistry } from '../transport-registry';
import { loadTriggers } from './load-triggers';
import { triggerSchema, type EventTrigger } from './trigger-schema';

const optInFlow = flowSchema.parse({
  schema: 2,
  id: 'optin',
  start: 'consent',
  nodes: {
    consent: { type: 'consent', purpose: 'marketing', disclosure: { version: 'v1', text: 'May we send you marketing messages?' }, yes: 'customer', no: 'done' },
    customer: { type: 'set', attributes: { lifecycleStage: 'customer' }, next: 'done' },
    done: { type: 'end' },
  },
});

const triggers: EventTrigger[] = [
  triggerSchema.parse({ id: 'welcome-on-optin', on: { kind: 'consent', purpose: 'marketing', granted: true }, then: { start_sequence: 'b2b-nurture' } }),
  triggerSchema.parse({ id: 'sms-only', on: { kind: 'consent', channel: 'sms', granted: true }, then: { start_sequence: 'never' } }),
  triggerSchema.parse({ id: 'won', on: { kind: 'lifecycle', to: 'customer' }, then: { crm_push: 'hubspot' }, data: { reason: 'became a customer' } }),
];

const inbound = (text: string): InboundMessage => ({ channel: 'webchat', address: 'visitor-1', externalId: `m:${text}`, text, receivedAt: new Date() });

function engineWith(store: InMemoryConversationStore, answerTriggers: readonly EventTrigger[]) {
  const catalog = new InMemoryFlowCatalog('optin');
  catalog.publish(optInFlow, 'v1');
  return new ConversationEngine({
    store,
    catalog,
    transports: new TransportRegistry(),
    understanding: new NoLanguageUnderstanding(),
    compliance: new NoInboundCompliance(),
    handoff: new NoHandoffDesk(),
    clock: { now: () => new Date('2026-05-01T12:00:00Z') },
    triggers: answerTriggers,
  });
}

describe('event triggers', () => {
  it('enqueues, in the turn, a sequence on a marketing consent grant and a CRM push on becoming a customer, once', async () => {
    const store = new InMemoryConversationStore();
    const engine = engineWith(store, triggers);
    await engine.start('webchat', 'visitor-1');
    expect(store.jobs).toEqual([]);
    await engine.handle(inbound('yes'));
    await engine.handle(inbound('yes')); // the same message again: no second job
    expect(store.jobs.map((j) => [j.type, j.payload.target])).toEqual([
      ['followup.email_sequence', 'b2b-nurture'],
      ['followup.crm_push', 'hubspot'],
    ]);
    expect(store.jobs[0].payload).toMatchObject({ contactId: expect.any(String), data: { trigger: 'welcome-on-optin' } });
    expect(store.jobs[1].payload).toMatchObject({ data: { trigger: 'won', reason: 'became a customer' } });
    expect(store.jobs[0].idempotencyKey).toMatch(/^trigger:welcome-on-optin:/);
  });

  it('enqueues nothing when consent is refused or there are no triggers', async () => {
    const refused = new InMemoryConversationStore();
    await engineWith(refused, triggers).start('webchat', 'visitor-1');
    await engineWith(refused, triggers).handle(inbound('no'));
    expect(refused.jobs).toEqual([]);
    const none = new InMemoryConversationStore();
    await engineWith(none, []).start('webchat', 'visitor-1');
    await engineWith(none, []).handle(inbound('yes'));
    expect(none.jobs).toEqual([]);
  });

  it('loads flows/triggers.yaml, validated; no file is no triggers, a bad one says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triggers-'));
    expect(loadTriggers(join(dir, 'triggers.yaml'))).toEqual([]);
    writeFileSync(join(dir, 'triggers.yaml'), 'triggers:\n  - id: a\n    on: { kind: consent, channel: email, purpose: marketing, granted: true }\n    then: { start_sequence: b2b-nurture }\n');
    expect(loadTriggers(join(dir, 'triggers.yaml'))).toEqual([expect.objectContaining({ id: 'a', then: { start_sequence: 'b2b-nurture' } })]);
    writeFileSync(join(dir, 'triggers.yaml'), 'triggers:\n  - id: a\n    on: { kind: campaign_reply }\n    then: { start_sequence: x }\n');
    expect(() => loadTriggers(join(dir, 'triggers.yaml'))).toThrow(/triggers\.0\.on/);
  });

  it('asks for a sales handoff when the contact reaches a lifecycle stage (a score threshold)', async () => {
    const store = new InMemoryConversationStore();
    const sql = triggerSchema.parse({ id: 'sales-qualified', on: { kind: 'lifecycle', to: 'customer' }, then: { handoff: { queue: 'sales', priority: 'high' } } });
    const engine = engineWith(store, [sql]);
    await engine.start('webchat', 'visitor-1');
    await engine.handle(inbound('yes'));
    expect(store.jobs).toEqual([
      expect.objectContaining({ type: 'handoff.request', payload: expect.objectContaining({ queue: 'sales', priority: 'high', reason: 'trigger sales-qualified', channel: 'webchat' }) }),
    ]);
    expect(() => triggerSchema.parse({ id: 'x', on: { kind: 'lifecycle', to: 'sql' }, then: { handoff: { desk: 'slack' } } })).toThrow();
  });
});
