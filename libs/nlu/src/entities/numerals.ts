const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, a: 1, an: 1,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, k: 1_000, million: 1_000_000, m: 1_000_000, mm: 1_000_000, billion: 1e9, bn: 1e9, b: 1e9,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, dozen: 12 };
const WORD = Object.keys(UNITS).filter((w) => w !== 'a' && w !== 'an').join('|');
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:(?:k|mm?|b)\b|\s?bn\b|\s(?:hundred|thousand|million|billion)\b)`;
const SPELLED = String.raw`\b(?:(?:a|an)\s(?:hundred|thousand|million|dozen)|(?:${WORD})(?:[\s-](?:and\s)?(?:${WORD}|hundred|thousand|million|billion))*)\b`;

/** A written quantity: "1,200", "2.5k", "3 million", "twenty-five", "a hundred", "two thousand and five". */
export const QUANTITY = String.raw`(?:(?<![\d.,])(?:${DIGITS})${SCALE}?|${SPELLED})`;

export function parseQuantity(text: string): number | undefined {
  const lower = text.toLowerCase().trim();
  const digits = lower.match(/^(\d[\d,]*(?:\.\d+)?)\s?([a-z]*)$/);
  if (digits) {
    const value = Number(digits[1].replace(/,/g, ''));
    const scale = digits[2] ? SCALES[digits[2]] : 1;

    return Number.isFinite(value) && scale !== undefined ? value * scale : undefined;
  }

  return parseSpelled(lower.split(/[\s-]+/).filter((w) => w !== 'and'));
}

function parseSpelled(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word in UNITS) current += UNITS[word];
    else if (word in MULTIPLIERS) current = (current || 1) * MULTIPLIERS[word];
    else if (word in SCALES) {
      total += (current || 1) * SCALES[word];
      current = 0;
    } else return undefined;
  }

  return total + current;
}
