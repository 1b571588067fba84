import { FlowDriver, textsOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: branch-demo
timezone: America/New_York
start: q
nodes:
  q: { type: ask, text: "?", attribute: last, next: route }
  route:
    type: branch
    cases:
      - when: { intent: pricing }
        next: by_intent
      - when: { entity: { type: product, equals: pro } }
        next: by_entity
      - when: { attribute: plan, equals: trial }
        next: by_attribute
      - when: { segment: [enterprise, strategic] }
        next: by_segment
      - when: { score: { gte: 50 } }
        next: by_score
      - when: { channel: sms }
        next: by_channel
      - when: { locale: de }
        next: by_locale
      - when: { time: { after: "09:00", before: "17:00", days: [mon, tue, wed, thu, fri] } }
        next: by_time
      - when: { any: [{ keyword: [refund, return] }, { attribute: vip, exists: true }] }
        next: by_any
    else: by_else
  by_intent: { type: say, text: intent, next: q }
  by_entity: { type: say, text: entity, next: q }
  by_attribute: { type: say, text: attribute, next: q }
  by_segment: { type: say, text: segment, next: q }
  by_score: { type: say, text: score, next: q }
  by_channel: { type: say, text: channel, next: q }
  by_locale: { type: say, text: locale, next: q }
  by_time: { type: say, text: time, next: q }
  by_any: { type: say, text: any, next: q }
  by_else: { type: say, text: else, next: q }
`;

const saturday = new Date('2025-06-07T15:00:00Z');
const tuesdayNoonInNewYork = new Date('2025-06-03T16:00:00Z');

function route(text: string, context: ConstructorParameters<typeof FlowDriver>[1] = {}, reply = {}) {
  const chat = new FlowDriver(flow, { now: saturday, ...context });
  chat.start();
  return textsOf(chat.send(text, reply))[0];
}

describe('branch', () => {
  it.each([
    ['intent', route('how much?', {}, { intent: 'pricing' })],
    ['entity', route('the pro one', {}, { entities: [{ type: 'product', value: 'pro', text: 'pro', start: 4, end: 7 }] })],
    ['attribute', route('x', { attributes: { plan: 'trial' } })],
    ['segment', route('x', { segments: ['strategic'] })],
    ['segment', route('x', { attributes: { segments: ['enterprise'] } })],
    ['score', route('x', { score: 75 })],
    ['channel', route('x', { channel: 'sms' })],
    ['locale', route('x', { locale: 'de-CH' })],
    ['time', route('x', { now: tuesdayNoonInNewYork })],
    ['else', route('x', { now: tuesdayNoonInNewYork, attributes: { timezone: 'Asia/Tokyo' } })],
    ['any', route('I want a refund')],
    ['any', route('x', { attributes: { vip: 'gold' } })],
    ['else', route('x')],
  ])('takes the first matching case: %s', (expected, said) => {
    expect(said).toBe(expected);
  });

  it('never matches a time window without a clock', () => {
    expect(route('x', { now: undefined })).toBe('else');
  });
});
