import { countSegments, GSM_BASIC, GSM_EXTENSION, isGsm7 } from './count-segments';

describe('countSegments', () => {
  it('knows the 127 basic characters and the 10 extension characters of GSM 03.38', () => {
    expect(new Set(GSM_BASIC).size).toBe(127);
    expect(new Set(GSM_EXTENSION).size).toBe(10);
    expect(isGsm7('Hello @ £5 — ok')).toBe(false);
    expect(isGsm7('Ça coûte 5€ [promo]')).toBe(false);
    expect(isGsm7('Ça va? 5€ [promo] {ok} ~^|\\')).toBe(true);
  });

  it('fits 160 GSM-7 septets in one segment and 153 in each of several', () => {
    expect(countSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0 });
    expect(countSegments('a')).toEqual({ encoding: 'GSM-7', segments: 1, units: 1 });
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    expect(countSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2, units: 306 });
    expect(countSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3, units: 307 });
  });

  it('counts extension characters as two septets and never splits them', () => {
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    // 306 septets fill two segments exactly, unless an escape pair would straddle them: then it takes three.
    expect(countSegments(`${'a'.repeat(151)}{${'a'.repeat(153)}`)).toEqual({ encoding: 'GSM-7', segments: 2, units: 306 });
    expect(countSegments(`${'a'.repeat(152)}{${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', segments: 3, units: 306 });
  });

  it('switches the whole text to UCS-2 for one character outside GSM-7: 70 per segment, 67 in several', () => {
    expect(countSegments(`${'a'.repeat(69)}Ç`).encoding).toBe('GSM-7');
    expect(countSegments(`${'a'.repeat(69)}ê`)).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(countSegments(`${'a'.repeat(70)}ê`)).toEqual({ encoding: 'UCS-2', segments: 2, units: 71 });
    expect(countSegments('я'.repeat(134))).toEqual({ encoding: 'UCS-2', segments: 2, units: 134 });
    expect(countSegments('я'.repeat(135))).toEqual({ encoding: 'UCS-2', segments: 3, units: 135 });
  });

  it('counts an emoji as two UTF-16 units that stay in one segment', () => {
    expect(countSegments('Thanks! 👍')).toEqual({ encoding: 'UCS-2', segments: 1, units: 10 });
    expect(countSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(countSegments('😀'.repeat(36))).toEqual({ encoding: 'UCS-2', segments: 2, units: 72 });
    // 134 units fill two segments exactly, unless a surrogate pair would straddle them.
    expect(countSegments(`${'é'.repeat(65)}😀${'é'.repeat(67)}`)).toEqual({ encoding: 'UCS-2', segments: 2, units: 134 });
    expect(countSegments(`${'é'.repeat(66)}😀${'é'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', segments: 3, units: 134 });
    expect(countSegments('How many people work at your company? 🏢')).toEqual({ encoding: 'UCS-2', segments: 1, units: 40 });
  });
});
