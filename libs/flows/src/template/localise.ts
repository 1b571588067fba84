import type { LocalisedText } from '../schema/common.schema';

const language = (locale: string) => locale.split('-')[0].toLowerCase();

function pick(available: string[], wanted: string | undefined): string | undefined {
  if (!wanted) return undefined;
  const exact = available.find((l) => l.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const lang = language(wanted);
  return available.find((l) => l.toLowerCase() === lang) ?? available.find((l) => language(l) === lang);
}

/** The text in the requested locale, else its language, else the flow's default locale, else the first one written. */
export function localise(text: LocalisedText, requested: string | undefined, defaultLocale: string): { text: string; locale: string } {
  if (typeof text === 'string') return { text, locale: defaultLocale };
  const available = Object.keys(text);
  const locale = pick(available, requested) ?? pick(available, defaultLocale) ?? available[0];
  return { text: text[locale] ?? '', locale: locale ?? defaultLocale };
}

/** Every written version of a text (the validator checks them all). */
export function allTranslations(text: LocalisedText): string[] {
  return typeof text === 'string' ? [text] : Object.values(text);
}
