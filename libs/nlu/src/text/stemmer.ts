import { porterStemmer } from '../vendor/lazy-modules';

export type Stem = (token: string) => string;

const CACHE_LIMIT = 50_000;
const stemmers = new Map<string, Stem>();

function cached(stem: (token: string) => string): Stem {
  const cache = new Map<string, string>();

  return (token) => {
    let stemmed = cache.get(token);
    if (stemmed === undefined) {
      stemmed = stem(token);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(token, stemmed);
    }

    return stemmed;
  };
}

/** natural's Porter stemmer for the locale's language; other languages rely on character n-grams alone. */
export function stemmerFor(locale: string): Stem {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  let stem = stemmers.get(language);
  if (!stem) {
    const porter = porterStemmer(language);
    stem = porter ? cached((token) => porter.stem(token)) : (token) => token;
    stemmers.set(language, stem);
  }

  return stem;
}
