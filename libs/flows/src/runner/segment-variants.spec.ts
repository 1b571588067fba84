import { FlowDriver, textsOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: variants-demo
start: greet
variants:
  - { segment: returning-customer, start: welcome_back }
nodes:
  greet:
    type: say
    text: "Hi! Tell us about your team."
    variants:
      - { segment: enterprise, text: "Hi! Let's find a time with your account team.", next: book }
      - { segment: [smb, startup], text: "Hi! Most small teams start with a free trial." }
    next: ask_size
  welcome_back: { type: say, text: "Welcome back, {{contact.firstName}}!", next: ask_size }
  ask_size: { type: ask, text: "How many people?", attribute: size, validate: number }
  book: { type: say, text: "Booking link: https://example.com/book" }
`;

describe('segment variants', () => {
  it.each([
    [[], ['Hi! Tell us about your team.', 'How many people?']],
    [['enterprise'], ["Hi! Let's find a time with your account team.", 'Booking link: https://example.com/book']],
    [['startup'], ['Hi! Most small teams start with a free trial.', 'How many people?']],
    [['returning-customer', 'enterprise'], ['Welcome back, Ana!', 'How many people?']],
  ])('segments %j see %j', (segments, texts) => {
    expect(textsOf(new FlowDriver(flow, { segments, attributes: { firstName: 'Ana' } }).start())).toEqual(texts);
  });
});

describe('node variants', () => {
  it('override only the fields they write (no schema defaults)', () => {
    const chat = new FlowDriver(`
schema: 2
id: variant-defaults
start: q
nodes:
  q:
    type: ask
    text: "Size?"
    attribute: size
    validate: number
    maxRetries: 0
    fallback: gave_up
    variants: [{ segment: vip, text: "Team size?" }]
  gave_up: { type: say, text: "ok" }
`, { segments: ['vip'] });
    expect(textsOf(chat.start())).toEqual(['Team size?']);
    expect(textsOf(chat.send('lots'))).toEqual(['ok']);
  });
});
