import { flowFromYaml } from '../testing/flow-driver';
import { diffFlows, formatFlowChange } from './diff-flows';

const before = flowFromYaml(`
schema: 1
id: demo
start: ask_email
nodes:
  ask_email: { type: ask, text: "Email?", attribute: email, validate: email, retryText: "Not an email.", next: done }
  done: { type: say, text: "Thanks" }
`);
const after = flowFromYaml(`
schema: 2
id: demo
start: ask_email
intents:
  pricing: { next: price }
nodes:
  ask_email: { type: ask, text: "Email?", attribute: email, validate: email, retryText: "That doesn't look like an email.", maxRetries: 3, next: price }
  price: { type: say, text: "From $49" }
`);

describe('diffFlows', () => {
  it('lists changes field by field; schema 1 and 2 of the same text are equal', () => {
    expect(diffFlows(before, before)).toEqual([]);
    expect(diffFlows(before, after).map(formatFlowChange)).toEqual([
      '+ intents: {"pricing":{"next":"price","resume":"return"}}',
      '- nodes.done: (say node)',
      '~ nodes.ask_email.retryText: "Not an email." → "That doesn\'t look like an email."',
      '~ nodes.ask_email.maxRetries: 2 → 3',
      '~ nodes.ask_email.next: "done" → "price"',
      '+ nodes.price: (say node)',
    ]);
  });
});
