import { actionsOf, FlowDriver, textsOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: score-demo
start: s
nodes:
  s:
    type: score
    event: demo_requested
    points: 30
    properties: { size: "{{contact.companySize}}" }
    next: check
  check:
    type: branch
    cases: [{ when: { score: { gte: 50 } }, next: hot }]
    else: cold
  hot: { type: say, text: "hot {{score}}" }
  cold: { type: say, text: "cold {{score}}" }
`;

describe('score', () => {
  it('emits a scoring event that later branches see', () => {
    const chat = new FlowDriver(flow, { score: 25, attributes: { companySize: 'enterprise' } });
    const actions = chat.start();
    expect(actionsOf(actions, 'score')).toEqual([{ type: 'score', event: 'demo_requested', points: 30, properties: { size: 'enterprise' } }]);
    expect(textsOf(actions)).toEqual(['hot 55']);
  });

  it('reads the score attribute when the context has none', () => {
    expect(textsOf(new FlowDriver(flow, { attributes: { score: 5 } }).start())).toEqual(['cold 35']);
  });
});
