import { actionsOf, FlowDriver, textsOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: wait-demo
start: w
nodes:
  w:
    type: wait
    text: "Still there? Want your cart?"
    quickReplies: [{ title: "Yes please", payload: cart }, { title: "No", payload: no_cart }]
    timeout: 2h
    attribute: reply
    next: replied
    onTimeout: nudge
  replied: { type: say, text: "You said {{contact.reply}}" }
  nudge: { type: say, text: "We saved your cart." }
`;

const now = new Date('2025-06-03T10:00:00Z');

describe('wait', () => {
  it('asks for the engine to wake it at the deadline', () => {
    const chat = new FlowDriver(flow, { now });
    const actions = chat.start();
    expect(actionsOf(actions, 'wait')).toEqual([{ type: 'wait', flowId: 'wait-demo', nodeId: 'w', timeoutSeconds: 7200, until: '2025-06-03T12:00:00.000Z' }]);
    expect(chat.state).toMatchObject({ waitingAt: 'w', waitUntil: '2025-06-03T12:00:00.000Z' });
  });

  it('moves on with a reply, storing a pressed or numbered payload', () => {
    const pressed = new FlowDriver(flow, { now });
    pressed.start();
    expect(textsOf(pressed.send('Yes please', { payload: 'cart' }))).toEqual(['You said cart']);
    const numbered = new FlowDriver(flow, { now, channel: 'sms' });
    numbered.start();
    expect(textsOf(numbered.send('2'))).toEqual(['You said no_cart']);
    const typed = new FlowDriver(flow, { now });
    typed.start();
    expect(textsOf(typed.send('later maybe'))).toEqual(['You said later maybe']);
  });

  it('takes the timeout path on a due timeout and ignores a stale one', () => {
    const chat = new FlowDriver(flow, { now });
    chat.start();
    expect(chat.timeout('2025-06-03T11:00:00.000Z')).toEqual([]);
    expect(chat.state?.waitingAt).toBe('w');
    expect(textsOf(chat.timeout('2025-06-03T12:00:00.000Z'))).toEqual(['We saved your cart.']);
    expect(chat.timeout()).toEqual([]);
  });
});
