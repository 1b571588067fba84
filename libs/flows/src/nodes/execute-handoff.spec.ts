import { actionsOf, FlowDriver, textsOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: handoff-demo
start: h
nodes:
  h:
    type: handoff
    queue: sales
    priority: high
    text: "Connecting you with sales, {{contact.name | default: \\"friend\\"}}."
    reason: "Demo for {{contact.company}}"
    next: done
  done: { type: end }
`;

describe('handoff', () => {
  it('says the text, hands off to the queue with a reason and ends', () => {
    const actions = new FlowDriver(flow, { attributes: { name: 'Ana', company: 'Acme' } }).start();
    expect(textsOf(actions)).toEqual(['Connecting you with sales, Ana.']);
    expect(actionsOf(actions, 'handoff')).toEqual([{ type: 'handoff', queue: 'sales', priority: 'high', reason: 'Demo for Acme' }]);
    expect(actions.at(-1)).toEqual({ type: 'end' });
  });
});
