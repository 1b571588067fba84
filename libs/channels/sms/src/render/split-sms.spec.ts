import fc from 'fast-check';
import { countSegments } from './count-segments';
import { splitSms } from './split-sms';

describe('splitSms', () => {
  // The short-text shortcut must agree with counting: GSM-7, escapes, UCS-2 and surrogate pairs mixed.
  const char = fc.constantFrom('a', ' ', '.', '€', '[', 'é', 'ж', '😀', '\n');

  it('keeps any text of up to 66 units per allowed segment whole, and such a text does fit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(char, { maxLength: 400 }), (maxSegments, chars) => {
        const text = chars.join('').slice(0, 66 * maxSegments).trim();
        if (!text) return;
        expect(countSegments(text).segments).toBeLessThanOrEqual(maxSegments);
        expect(splitSms(text, maxSegments)).toEqual([text]);
      }),
    );
  });

  it('still splits a long text into parts that each fit', () => {
    const long = 'Thanks for your message. '.repeat(30);
    const parts = splitSms(long, 1);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(countSegments(part).segments).toBe(1);
  });
});
