import { countSegments } from './count-segments';
import { toGsmLookalikes } from './gsm-lookalikes';
import { renderSms } from './render-sms';
import { splitSms } from './split-sms';

const SIZES = [
  { title: '1-49', payload: 'smb' },
  { title: '50-999', payload: 'midmarket' },
  { title: '1000+', payload: 'enterprise' },
];

describe('renderSms', () => {
  it('turns quick replies into numbered options', () => {
    expect(renderSms({ text: 'How many people work at your company?', quickReplies: SIZES })).toEqual([
      'How many people work at your company?\n1) 1-49\n2) 50-999\n3) 1000+',
    ]);
    expect(renderSms({ text: 'Hi there!', quickReplies: [] })).toEqual(['Hi there!']);
  });

  it('swaps typographic punctuation for GSM-7 lookalikes only when that avoids UCS-2', () => {
    expect(renderSms({ text: 'We’re “glad” you’re here – really…' })).toEqual(['We\'re "glad" you\'re here - really...']);
    expect(toGsmLookalikes('We’re glad 😀')).toBe('We’re glad 😀');
    expect(toGsmLookalikes('plain text')).toBe('plain text');
  });
});

describe('splitSms', () => {
  const sentence = (n: number) => `Sentence number ${n} explains one more thing about our plans and prices.`;
  const long = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join(' ');

  it('keeps a text that fits as one message', () => {
    expect(splitSms('  Short one.  ')).toEqual(['Short one.']);
    expect(splitSms('')).toEqual([]);
  });

  it('splits a long text where sentences end, each part within the segment budget', () => {
    const parts = splitSms(long, 2);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(countSegments(part).segments).toBeLessThanOrEqual(2);
      expect(part).toMatch(/^Sentence number \d+ .*prices\.$/);
    }
    expect(parts.join(' ')).toBe(long);
  });

  it('splits a sentence longer than the budget between words, and a word longer than that anywhere', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const parts = splitSms(words, 1);
    expect(parts.every((p) => countSegments(p).segments === 1 && !/^\s|\s$/.test(p))).toBe(true);
    expect(parts.join(' ')).toBe(words);
    const blob = 'x'.repeat(400);
    expect(splitSms(blob, 1)).toEqual(['x'.repeat(160), 'x'.repeat(160), 'x'.repeat(80)]);
  });

  it('budgets UCS-2 parts by their own encoding', () => {
    const emoji = Array.from({ length: 10 }, (_, i) => `Étape ${i} terminée 🎉.`).join(' ');
    const parts = splitSms(emoji, 1);
    expect(parts.every((p) => countSegments(p).segments === 1)).toBe(true);
    expect(parts.join(' ')).toBe(emoji);
  });
});
