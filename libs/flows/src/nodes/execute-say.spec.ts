import { FlowDriver, saysOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: say-demo
locale: en
start: hello
nodes:
  hello:
    type: say
    text: { en: "Hi {{contact.firstName | default: \\"there\\"}}!", de: "Hallo {{contact.firstName | default: \\"du\\"}}!" }
    speech: "Hello {{contact.firstName}}"
    quickReplies: [{ title: { en: Pricing, de: Preise }, payload: pricing }]
    media: { kind: image, url: "https://example.com/a.png", alt: "A chart" }
    card: { title: Pro plan, subtitle: "For teams", buttons: [{ title: Buy, url: "https://example.com/buy" }] }
    next: bye
  bye:
    type: say
    text: Bye
`;

describe('say', () => {
  it('renders text, quick replies, media, card and speech, then follows next', () => {
    const [hello, bye] = saysOf(new FlowDriver(flow, { attributes: { firstName: 'Ana' } }).start());
    expect(hello).toEqual({
      type: 'say',
      text: 'Hi Ana!',
      speech: 'Hello Ana',
      quickReplies: [{ title: 'Pricing', payload: 'pricing' }],
      media: { kind: 'image', url: 'https://example.com/a.png', alt: 'A chart' },
      card: { title: 'Pro plan', subtitle: 'For teams', buttons: [{ title: 'Buy', url: 'https://example.com/buy' }] },
    });
    expect(bye.text).toBe('Bye');
  });

  it('uses the default text of a missing variable and the contact locale', () => {
    const [hello] = saysOf(new FlowDriver(flow, { locale: 'de-AT' }).start());
    expect(hello.text).toBe('Hallo du!');
    expect(hello.quickReplies).toEqual([{ title: 'Preise', payload: 'pricing' }]);
  });

  it('falls back to the default locale for a locale it was not written in', () => {
    expect(saysOf(new FlowDriver(flow, { locale: 'fr' }).start())[0].text).toBe('Hi there!');
  });

  it('escapes contact values for the channel but not the author text', () => {
    const [hello] = saysOf(new FlowDriver(flow, { channel: 'botframework', attributes: { firstName: '*Ana*' } }).start());
    expect(hello.text).toBe('Hi \\*Ana\\*!');
  });
});
