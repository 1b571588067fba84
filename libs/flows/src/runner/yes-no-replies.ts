import type { QuickReply } from '@parley/core';
import type { Walk } from './walk';

const LABELS = new Map<string, [string, string]>(Object.entries({
  en: ['Yes', 'No'], de: ['Ja', 'Nein'], fr: ['Oui', 'Non'], es: ['Sí', 'No'], pt: ['Sim', 'Não'], nl: ['Ja', 'Nee'], it: ['Sì', 'No'],
}) as [string, [string, string]][]);

/** Yes first, No second: "1" and "2" pick them where options are numbered. */
export function yesNoReplies(walk: Walk): QuickReply[] {
  const language = (walk.requestedLocale ?? walk.flow.locale).split('-')[0].toLowerCase();
  const [yes, no] = LABELS.get(language) ?? LABELS.get(walk.flow.locale.split('-')[0]) ?? ['Yes', 'No'];
  return [{ title: yes, payload: 'yes' }, { title: no, payload: 'no' }];
}
