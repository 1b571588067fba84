/* eslint-disable @typescript-eslint/no-require-imports -- heavy modules load on first use, so that importing @parley/nlu stays cheap */
type Stemmer = { stem(token: string): string };

function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;

  return () => (loaded ??= load());
}

export const chronoEn = lazy(() => require('chrono-node/en') as typeof import('chrono-node/en'));
export const phoneNumbers = lazy(() => require('libphonenumber-js') as typeof import('libphonenumber-js'));
export const bayesClassifier = lazy(
  () => require('natural/lib/natural/classifiers/bayes_classifier') as typeof import('natural/lib/natural/classifiers/bayes_classifier'),
);

const PORTER: Record<string, () => Stemmer> = {
  en: lazy(() => require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer),
  es: lazy(() => require('natural/lib/natural/stemmers/porter_stemmer_es') as Stemmer),
  fr: lazy(() => require('natural/lib/natural/stemmers/porter_stemmer_fr') as Stemmer),
  de: lazy(() => require('natural/lib/natural/stemmers/porter_stemmer_de') as Stemmer),
};

/** natural's Porter stemmer for a language, if it has one. */
export function porterStemmer(language: string): Stemmer | undefined {
  return PORTER[language]?.();
}
