import { actionsOf, FlowDriver, textsOf } from '../testing/flow-driver';

const flow = (a = 30, b = 70) => `
schema: 2
id: split-demo
start: ab
nodes:
  ab:
    type: split
    experiment: welcome-offer
    arms:
      - { name: discount, percent: ${a}, next: discount }
      - { name: shipping, percent: ${b}, next: shipping }
  discount: { type: say, text: "10% off" }
  shipping: { type: say, text: "Free shipping" }
`;

const CONTACTS = 1000;

function armOf(contactId: string, source = flow(), attributes: Record<string, unknown> = {}) {
  const actions = new FlowDriver(source, { contactId, attributes }).start();
  return { split: actionsOf(actions, 'split')[0], text: textsOf(actions)[0], set: actionsOf(actions, 'set')[0] };
}

describe('split', () => {
  it('puts 1,000 contacts into arms within ±5% of the configured percentages', () => {
    const counts = { discount: 0, shipping: 0 };
    for (let i = 0; i < CONTACTS; i++) counts[armOf(`contact-${i}`).split.arm as keyof typeof counts]++;
    expect(Math.abs(counts.discount / CONTACTS - 0.3)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(counts.shipping / CONTACTS - 0.7)).toBeLessThanOrEqual(0.05);
  });

  it('keeps every contact in its arm, on every pass', () => {
    for (let i = 0; i < CONTACTS; i++) {
      const first = armOf(`contact-${i}`);
      const again = armOf(`contact-${i}`);
      expect(again.split.arm).toBe(first.split.arm);
      expect(again.text).toBe(first.text);
    }
  });

  it('records the arm on the contact and reports it for conversion stats', () => {
    const { split, set } = armOf('c-1');
    expect(split).toEqual({ type: 'split', experiment: 'welcome-offer', arm: split.arm, flowId: 'split-demo', flowVersion: expect.any(String), nodeId: 'ab', assigned: true });
    expect(set).toEqual({ type: 'set', attributes: { ab_welcome_offer: split.arm } });
  });

  it('keeps a stored arm even after the percentages change', () => {
    const again = armOf('c-2', flow(100, 0), { ab_welcome_offer: 'shipping' });
    expect(again.split).toMatchObject({ arm: 'shipping', assigned: false });
    expect(again.set).toBeUndefined();
  });
});
