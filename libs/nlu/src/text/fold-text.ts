/** Lower-case, NFKC, and without diacritics, keeping one output character per input character. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    out += base.length === 1 ? base : ch;
  }

  return out;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function wordTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? [];
}
