import { actionsOf, FlowDriver } from '../testing/flow-driver';

const flow = `
schema: 2
id: set-demo
start: s
nodes:
  s:
    type: set
    attributes: { fullName: "{{contact.first}} {{contact.last}}", stage: lead, vip: true, temp: null }
    tags: { add: [newsletter], remove: [cold] }
    next: done
  done: { type: end }
`;

describe('set', () => {
  it('sets attributes (string values as templates) and tags', () => {
    const chat = new FlowDriver(flow, { attributes: { first: 'Ana', last: 'Lee', temp: 1 } });
    const actions = chat.start();
    expect(actionsOf(actions, 'set')).toEqual([{ type: 'set', attributes: { fullName: 'Ana Lee', stage: 'lead', vip: true, temp: null } }]);
    expect(actionsOf(actions, 'tag')).toEqual([{ type: 'tag', add: ['newsletter'], remove: ['cold'] }]);
    expect(actions.at(-1)).toEqual({ type: 'end' });
  });

  it('does not expand a template that a contact typed into an attribute', () => {
    const chat = new FlowDriver(flow, { attributes: { first: '{{contact.last}}', last: 'Lee' } });
    expect(actionsOf(chat.start(), 'set')[0].attributes.fullName).toBe('{{contact.last}} Lee');
  });
});
