import { CHANNELS, type Understanding } from '@parley/core';
import fc from 'fast-check';
import { join } from 'node:path';
import { flowFilesIn } from '../loading/flow-loader';
import { loadFlowFiles } from '../loading/load-flow-files';
import type { FlowDefinition } from '../schema/flow.schema';
import { renderTemplate } from '../template/template';
import { step } from './step';
import type { FlowLookup, FlowState, StepContext, StepInput } from './step-types';

const shipped = loadFlowFiles(flowFilesIn(join(__dirname, '../../../../flows'))).flatMap((l) => (l.ok ? [{ flow: l.flow, version: l.version }] : []));
const library: FlowLookup = {
  release: (id, version) => shipped.find((r) => r.flow.id === id && r.version === version),
  latest: (id) => shipped.find((r) => r.flow.id === id),
};

const clean = (s: string) => !/undefined|\[object/.test(s);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 600 }),
  fc.constantFrom('yes', 'no', '1', '2', '3', '99', 'JOIN', 'help', 'cancel', 'change', 'human', '{{contact.name}}', 'a@b.io', '+1 415 555 2671', 'tomorrow 3pm', ''),
).filter(clean);

function inputFor(flow: FlowDefinition) {
  const payloads = fc.constantFrom('yes', 'no', 'smb', 'enterprise', 'checkout', 'intent:pricing', 'intent:nope', ...Object.keys(flow.intents ?? {}).map((i) => `intent:${i}`));
  const understanding: fc.Arbitrary<Understanding> = fc.record({
    intent: fc.option(fc.oneof(fc.constantFrom(...Object.keys(flow.intents ?? { none: 0 })), fc.string()), { nil: undefined }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    ranking: fc.constant([]),
    entities: fc.array(fc.record({ type: fc.constantFrom('email', 'phone', 'number', 'date', 'product', 'company_size'), value: fc.jsonValue(), text: anyText, start: fc.nat(), end: fc.nat() }), { maxLength: 3 }),
    outOfScope: fc.boolean(),
    ambiguous: fc.boolean(),
  });
  const message = fc.record({
    kind: fc.constant('message' as const),
    text: fc.option(anyText, { nil: undefined }),
    payload: fc.option(fc.oneof(payloads, fc.string()), { nil: undefined }),
    understanding,
  });
  const timeout = fc.record({ kind: fc.constant('timeout' as const), nodeId: fc.constantFrom(...Object.keys(flow.nodes), 'nope'), until: fc.option(fc.string(), { nil: undefined }) });
  return fc.oneof({ arbitrary: message, weight: 8 }, { arbitrary: timeout, weight: 1 }, { arbitrary: fc.constant({ kind: 'start' as const }), weight: 1 });
}

const context = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  locale: fc.option(fc.oneof(fc.constantFrom('en', 'de-DE', 'es', 'pt-BR', '__proto__', 'constructor'), fc.string()), { nil: undefined }),
  now: fc.option(fc.date({ noInvalidDate: false }), { nil: undefined }),
  segments: fc.option(fc.array(fc.oneof(fc.constantFrom('enterprise', 'vip', 'returning-customer'), fc.string()), { maxLength: 3 }), { nil: undefined }),
  score: fc.option(fc.double(), { nil: undefined }),
  contactId: fc.option(fc.string(), { nil: undefined }),
  attributes: fc.dictionary(fc.oneof(fc.constantFrom('name', 'email', 'locale', 'timezone', 'segments', 'score', 'cartItems', 'ab_sms_welcome_offer', '__proto__', 'constructor'), fc.string()), fc.jsonValue()).filter((a) => clean(JSON.stringify(a))),
});

describe.each(shipped.map((r) => [r.flow.id, r] as const))('step on %s with arbitrary input', (_id, release) => {
  it('never throws, keeps a valid state and never says "undefined"', () => {
    fc.assert(
      fc.property(context, fc.array(inputFor(release.flow), { minLength: 1, maxLength: 10 }), (extra, inputs) => {
        let state: FlowState | null = null;
        const attributes: Record<string, unknown> = { ...extra.attributes };
        for (const input of inputs as StepInput[]) {
          const ctx: StepContext = { ...extra, flow: release.flow, flowVersion: release.version, attributes: { ...attributes }, flows: library };
          const result = step(state, input, ctx);
          state = result.state;
          const current = library.release(state.flowId, state.flowVersion);
          expect(current).toBeDefined();
          expect(state.waitingAt === null || current!.flow.nodes[state.waitingAt] !== undefined).toBe(true);
          for (const action of result.actions) {
            if (action.type === 'say') expect(clean(action.text)).toBe(true);
            if (action.type === 'set') Object.assign(attributes, action.attributes);
          }
          expect(() => JSON.stringify([state, result.actions])).not.toThrow();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderTemplate with arbitrary templates and values', () => {
  it('never throws and never renders undefined', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }).filter(clean), fc.dictionary(fc.string(), fc.jsonValue()).filter((d) => clean(JSON.stringify(d))), (template, contact) => {
        expect(clean(renderTemplate(`${template}{{contact.x}}{{ ${template} }}`, { contact }))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
