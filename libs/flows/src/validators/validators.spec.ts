import type { AskNode } from '../nodes/ask-node.schema';
import { validateAnswer } from './answer-validators';
import { matchChoice } from './validate-choice';
import { validateYesNo } from './validate-yes-no';

const options = [
  { title: '1-49', payload: 'smb', synonyms: ['small', 'just me'], range: [1, 49] as [number, number] },
  { title: { en: '50-999', de: '50–999' }, payload: 'midmarket', range: [50, 999] as [number, number] },
  { title: '1000+', payload: 'enterprise', synonyms: ['large'], range: [1000, 1e8] as [number, number] },
];
const node = (validate: AskNode['validate'], extra: Partial<AskNode> = {}): AskNode =>
  ({ type: 'ask', text: '?', attribute: 'a', validate, maxRetries: 2, ...extra }) as AskNode;
const reply = (text?: string, payload?: string) => ({ text, payload, entities: [] });

describe('answer validators', () => {
  it.each([
    [reply(undefined, 'enterprise'), 'enterprise'],
    [reply('2'), 'midmarket'],
    [reply('50–999'), 'midmarket'],
    [reply("it's just me"), 'smb'],
    [reply('about 2500 people'), 'enterprise'],
    [reply('LARGE'), 'enterprise'],
    [reply('9'), 'smb'],
    [reply('none of these'), undefined],
  ])('choice %j → %s', (answer, payload) => {
    expect(matchChoice(options, answer)?.payload).toBe(payload);
  });

  it.each([
    ['Yes', true], ['y', true], ['Sure thing!', true], ['👍', true], ['1', true], ['oui', true],
    ['No', false], ['no thanks', false], ['2', false], ['nein', false], ['not really, no', false], ["I don't think so", false],
    ['maybe', undefined], ['yes no', undefined], ['sure, not now', undefined], ['ok not sure', undefined], ['', undefined], ['yes if my manager agrees to the terms we discussed last week', undefined],
  ])('yes/no %j → %s', (text, value) => {
    const verdict = validateYesNo(reply(text));
    expect(verdict.ok ? verdict.value : undefined).toBe(value);
  });

  it('prefers NLU entities when there are some', () => {
    const entities = [
      { type: 'email', value: 'Ana@Acme.io', text: 'ana at acme dot io', start: 0, end: 18 },
      { type: 'phone', value: '+14155552671', text: 'four one five…', start: 0, end: 10 },
      { type: 'number', value: 12, text: 'a dozen', start: 0, end: 7 },
    ];
    expect(validateAnswer(node('email'), { text: 'ana at acme dot io', entities })).toEqual({ ok: true, value: 'ana@acme.io' });
    expect(validateAnswer(node('phone'), { text: 'four one five…', entities })).toEqual({ ok: true, value: '+14155552671' });
    expect(validateAnswer(node('number'), { text: 'a dozen', entities })).toEqual({ ok: true, value: 12 });
  });

  it('reads national phone numbers in the node country', () => {
    expect(validateAnswer(node('phone', { country: 'GB' }), reply('020 7946 0958'))).toEqual({ ok: true, value: '+442079460958' });
    expect(validateAnswer(node('phone'), reply('555'))).toEqual({ ok: false });
  });

  it('reads dates in the contact locale', () => {
    const now = new Date('2025-01-10T12:00:00Z');
    expect(validateAnswer(node('date'), reply('12/06/2025'), { now, locale: 'en-GB' })).toEqual({ ok: true, value: '2025-06-12' });
    expect(validateAnswer(node('date'), reply('12/06/2025'), { now, locale: 'en-US' })).toEqual({ ok: true, value: '2025-12-06' });
    expect(validateAnswer(node('date'), reply('morgen'), { now, locale: 'de' })).toEqual({ ok: true, value: '2025-01-11' });
  });

  it('rejects overlong text answers', () => {
    expect(validateAnswer(node('text'), reply('x'.repeat(501)))).toEqual({ ok: false });
  });
});
