import { actionsOf, FlowDriver, textsOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: intents-demo
start: ask_name
intents:
  pricing: { keywords: [pricing, "how much"], next: price, resume: return }
  talk_to_human: { keywords: [human, agent], next: to_sales, resume: end }
  opt_out: { next: bye, resume: restart }
nodes:
  ask_name: { type: ask, text: "Name?", attribute: name, next: ask_size }
  ask_size:
    type: ask
    text: "Size?"
    attribute: size
    validate: choice
    options: [{ title: Small, payload: smb, synonyms: [pricing tier one] }, { title: Large, payload: enterprise }]
    next: done
  done: { type: say, text: "Done, {{contact.name}}" }
  price: { type: say, text: "Plans start at $49." }
  to_sales: { type: handoff, queue: sales, text: "Getting a human." }
  bye: { type: say, text: "Okay, no more questions." }
`;

describe('global intents', () => {
  it('interrupt a question and return to it afterwards', () => {
    const chat = new FlowDriver(flow);
    chat.start();
    expect(textsOf(chat.send('how much is it?'))).toEqual(['Plans start at $49.', 'Name?']);
    expect(chat.state).toMatchObject({ waitingAt: 'ask_name' });
    expect(chat.state?.resume).toBeUndefined();
    chat.send('Ana');
    expect(textsOf(chat.send('Large'))).toEqual(['Done, Ana']);
  });

  it('fire on the NLU intent or an intent button, and can end the flow', () => {
    const chat = new FlowDriver(flow);
    chat.start();
    const actions = chat.send('can I speak to someone', { intent: 'talk_to_human' });
    expect(textsOf(actions)).toEqual(['Getting a human.']);
    expect(actionsOf(actions, 'handoff')).toHaveLength(1);
    expect(chat.state).toMatchObject({ waitingAt: null });
    const pressed = new FlowDriver(flow);
    pressed.start();
    expect(textsOf(pressed.send('Stop', { payload: 'intent:opt_out' }))).toEqual(['Okay, no more questions.', 'Name?']);
  });

  it('let a valid structured answer win over a keyword, but not a free-text one', () => {
    const chat = new FlowDriver(flow);
    chat.start();
    chat.send('Ana');
    expect(textsOf(chat.send('pricing tier one'))).toEqual(['Done, Ana']);
    const named = new FlowDriver(flow);
    named.start();
    expect(textsOf(named.send('Agent Smith'))).toEqual(['Getting a human.']);
  });

  it('fire after the flow has ended too', () => {
    const chat = new FlowDriver(flow);
    chat.start();
    chat.send('Ana');
    chat.send('Small');
    expect(textsOf(chat.send('pricing?'))).toEqual(['Plans start at $49.']);
  });
});
