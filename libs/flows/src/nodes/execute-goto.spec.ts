import type { FlowLookup, FlowRef } from '../runner/step-types';
import { FlowDriver, flowFromYaml, textsOf } from '../testing/flow-driver';

const main = flowFromYaml(`
schema: 2
id: main
start: hello
nodes:
  hello: { type: say, text: "Main", next: jump }
  jump: { type: goto, flow: support, node: ask_order }
`);
const supportV1 = flowFromYaml(`
schema: 2
id: support
start: intro
nodes:
  intro: { type: say, text: "Support v1", next: ask_order }
  ask_order: { type: ask, text: "Order number?", attribute: order, validate: number, next: thanks }
  thanks: { type: say, text: "v1 thanks for {{contact.order}}", next: back }
  back: { type: goto, next: intro }
`);
const supportV2 = flowFromYaml(`
schema: 2
id: support
start: ask_order
nodes:
  ask_order: { type: ask, text: "Order number?", attribute: order, validate: number, next: thanks }
  thanks: { type: say, text: "v2 thanks for {{contact.order}}" }
`);

class Library implements FlowLookup {
  readonly releases = new Map<string, FlowRef>([['main@m1', { flow: main, version: 'm1' }], ['support@s1', { flow: supportV1, version: 's1' }]]);
  newest = new Map<string, FlowRef>([['main', { flow: main, version: 'm1' }], ['support', { flow: supportV1, version: 's1' }]]);
  release(id: string, version: string) {
    return this.releases.get(`${id}@${version}`);
  }
  latest(id: string) {
    return this.newest.get(id);
  }
}

describe('goto', () => {
  it('follows `next` inside the flow', () => {
    const chat = new FlowDriver(supportV1);
    chat.start();
    chat.send('42');
    expect(chat.state).toMatchObject({ flowId: 'support', waitingAt: 'ask_order' });
  });

  it('enters another flow at a node and stays on the version it entered', () => {
    const flows = new Library();
    const chat = new FlowDriver(main, { flowVersion: 'm1', flows });
    expect(textsOf(chat.start())).toEqual(['Main', 'Order number?']);
    expect(chat.state).toMatchObject({ flowId: 'support', flowVersion: 's1', waitingAt: 'ask_order' });
    flows.releases.set('support@s2', { flow: supportV2, version: 's2' });
    flows.newest.set('support', { flow: supportV2, version: 's2' });
    expect(textsOf(chat.send('42'))).toEqual(['v1 thanks for 42', 'Support v1', 'Order number?']);
  });

  it('ends quietly when the other flow is not available', () => {
    const actions = new FlowDriver(main, { flowVersion: 'm1' }).start();
    expect(textsOf(actions)).toEqual(['Main']);
    expect(actions.at(-1)).toEqual({ type: 'end' });
  });
});
