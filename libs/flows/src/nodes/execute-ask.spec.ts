import { FlowDriver, textsOf } from '../testing/flow-driver';

const ask = (validate: string, extra = '') => `
schema: 2
id: ask-demo
start: q
nodes:
  q:
    type: ask
    text: "Question?"
    attribute: answer
    validate: ${validate}
    maxRetries: 1
    fallback: gave_up
    next: done
${extra}
  gave_up: { type: say, text: "Never mind." }
  done: { type: say, text: "Got {{contact.answer}}" }
`;

function answer(validate: string, reply: string, extra = '', context = {}) {
  const chat = new FlowDriver(ask(validate, extra), context);
  chat.start();
  const texts = textsOf(chat.send(reply));
  return { texts, value: chat.attributes.answer, chat };
}

describe('ask', () => {
  it.each([
    ['text', '  Ana  ', 'Ana'],
    ['email', 'mail me at Ana@Acme.IO please', 'ana@acme.io'],
    ['phone', 'call +44 20 7946 0958', '+442079460958'],
    ['phone', '(415) 555-2671', '+14155552671'],
    ['number', 'about 2,500 people', 2500],
    ['yesno', 'yes please', true],
    ['yesno', 'nope', false],
    ['yesno', '2', false],
  ])('%s accepts %j as %j', (validate, reply, expected) => {
    const { texts, value } = answer(validate, reply);
    expect(value).toEqual(expected);
    expect(texts).toEqual([`Got ${expected === true ? 'yes' : expected === false ? 'no' : expected}`]);
  });

  it.each([
    ['email', 'ana at acme'],
    ['phone', '12'],
    ['number', 'many'],
    ['yesno', 'maybe'],
    ['date', 'whenever'],
  ])('%s re-prompts on %j', (validate, reply) => {
    const { texts, chat } = answer(validate, reply);
    expect(texts).toEqual(["Sorry, I didn't catch that.", 'Question?']);
    expect(chat.state).toMatchObject({ waitingAt: 'q', retries: 1 });
  });

  it('takes the fallback once maxRetries re-prompts are spent', () => {
    const { chat } = answer('email', 'no');
    expect(textsOf(chat.send('still no'))).toEqual(['Never mind.']);
  });

  it('reads dates and times against the context clock, in the contact time zone', () => {
    const now = new Date('2025-06-03T23:30:00Z');
    expect(answer('date', 'tomorrow', '', { now }).value).toBe('2025-06-04');
    expect(answer('date', 'tomorrow', '', { now, attributes: { timezone: 'Europe/Berlin' } }).value).toBe('2025-06-05');
    expect(answer('time', 'at 3:30 pm', '', { now }).value).toBe('15:30');
    expect(answer('datetime', 'friday at 9am', '', { now }).value).toBe('2025-06-06T09:00');
    expect(answer('datetime', 'friday', '', { now }).value).toBeUndefined();
  });

  it('enforces number and text bounds and text patterns', () => {
    const bounded = '    min: 1\n    max: 10\n';
    const withBounds = (validate: string, reply: string) => {
      const source = ask(validate).replace('    maxRetries: 1\n', `    maxRetries: 1\n${bounded}`);
      const chat = new FlowDriver(source);
      chat.start();
      chat.send(reply);
      return chat.attributes.answer;
    };
    expect(withBounds('number', '11')).toBeUndefined();
    expect(withBounds('number', '7')).toBe(7);
    expect(withBounds('text', 'a much too long answer')).toBeUndefined();
    const pattern = ask('text').replace('    maxRetries: 1\n', '    maxRetries: 1\n    pattern: "^[A-Z]{3}-\\\\d+$"\n');
    const chat = new FlowDriver(pattern);
    chat.start();
    chat.send('abc');
    expect(chat.attributes.answer).toBeUndefined();
    chat.send('ABC-42');
    expect(chat.attributes.answer).toBe('ABC-42');
  });

  it('offers Yes / No buttons for yes/no questions, in the contact language', () => {
    const chat = new FlowDriver(ask('yesno'), { locale: 'de' });
    expect(chat.start()[0]).toMatchObject({ quickReplies: [{ title: 'Ja', payload: 'yes' }, { title: 'Nein', payload: 'no' }] });
  });
});
