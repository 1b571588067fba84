import { FlowDriver, textsOf } from '../testing/flow-driver';

const flow = `
schema: 2
id: end-demo
start: bye
restart: again
nodes:
  bye: { type: end, text: "Bye {{contact.name | default: \\"now\\"}}" }
  again: { type: say, text: "Back again?" }
`;

describe('end', () => {
  it('says its text, ends, and a later message restarts at `restart`', () => {
    const chat = new FlowDriver(flow);
    expect(chat.start()).toEqual([{ type: 'say', text: 'Bye now' }, { type: 'end' }]);
    expect(chat.state).toMatchObject({ waitingAt: null });
    expect(textsOf(chat.send('hi'))).toEqual(['Back again?']);
  });
});
