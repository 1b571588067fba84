/** The Polly voice and the recognition language for a flow's locale. */
export interface SpokenLanguage {
  voice: string;
  language: string;
}

const BY_LANGUAGE: Record<string, SpokenLanguage> = {
  en: { voice: 'Polly.Joanna', language: 'en-US' },
  de: { voice: 'Polly.Vicki', language: 'de-DE' },
  es: { voice: 'Polly.Lupe', language: 'es-US' },
  fr: { voice: 'Polly.Lea', language: 'fr-FR' },
  it: { voice: 'Polly.Bianca', language: 'it-IT' },
  nl: { voice: 'Polly.Lotte', language: 'nl-NL' },
  pt: { voice: 'Polly.Camila', language: 'pt-BR' },
};

export const DEFAULT_SPOKEN_LANGUAGE = BY_LANGUAGE.en;

export function spokenLanguageFor(locale: string | undefined): SpokenLanguage {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return BY_LANGUAGE[language] ?? DEFAULT_SPOKEN_LANGUAGE;
}
