export interface IntentExample {
  text: string;
  intent: string;
  /** BCP 47 tag; the language part picks the model. Defaults to 'en'. */
  locale?: string;
}

export const DEFAULT_LOCALE = 'en';

/** 'en-GB' and 'EN' train and use the 'en' model. */
export function languageOf(locale: string | undefined): string {
  return (locale ?? DEFAULT_LOCALE).toLowerCase().split(/[-_]/)[0] || DEFAULT_LOCALE;
}
