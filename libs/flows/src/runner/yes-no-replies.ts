import type { QuickReply } from '@parley/core';
import type { Walk } from './walk';

const LABELS: Record<string, [string, string]> = {
  en: ['Yes', 'No'], de: ['Ja', 'Nein'], fr: ['Oui', 'Non'], es: ['Sí', 'No'], pt: ['Sim', 'Não'], nl: ['Ja', 'Nee'], it: ['Sì', 'No'],
};

/** Yes first, No second: "1" and "2" pick them where options are numbered. */
export function yesNoReplies(walk: Walk): QuickReply[] {
  const language = (walk.requestedLocale ?? walk.flow.locale).split('-')[0].toLowerCase();
  const [yes, no] = LABELS[language] ?? LABELS[walk.flow.locale.split('-')[0]] ?? LABELS.en;
  return [{ title: yes, payload: 'yes' }, { title: no, payload: 'no' }];
}
