import * as chrono from 'chrono-node';
import type { AskValidator } from '../nodes/ask-node.schema';
import { zoneOffsetMinutes } from '../conditions/time-of-day';
import { entityOf, MAX_ANSWER_LENGTH, REJECTED, type Answer, type ValidateOptions, type Validation } from './answer';

type DateKind = Extract<AskValidator, 'date' | 'time' | 'datetime'>;

/** Without the engine's clock, relative dates are read against a fixed instant rather than the machine's. */
const FIXED_REFERENCE = new Date('2000-01-01T00:00:00Z');

const PARSERS = new Map<string, chrono.Chrono>([
  ['de', chrono.de.casual], ['fr', chrono.fr.casual], ['es', chrono.es.casual], ['pt', chrono.pt.casual], ['nl', chrono.nl.casual], ['it', chrono.it.casual],
]);
const DAY_FIRST_ENGLISH = new Set(['GB', 'IE', 'AU', 'NZ', 'IN', 'ZA']);

function parserFor(locale: string | undefined): chrono.Chrono {
  const [language, region] = (locale ?? 'en').split('-');
  if (language.toLowerCase() === 'en' && region && DAY_FIRST_ENGLISH.has(region.toUpperCase())) return chrono.en.GB;
  return PARSERS.get(language.toLowerCase()) ?? chrono.en.casual;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** date → `YYYY-MM-DD`, time → `HH:MM`, datetime → `YYYY-MM-DDTHH:MM`, all in the contact's local time. */
export function validateDateTime(kind: DateKind, answer: Answer, options: ValidateOptions & { timezone?: string } = {}): Validation {
  const entity = entityOf(answer, kind === 'time' ? 'time' : 'date');
  if (kind === 'date' && entity && typeof entity.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entity.value)) {
    return { ok: true, value: entity.value };
  }
  const text = answer.text?.slice(0, MAX_ANSWER_LENGTH) ?? '';
  const instant = options.now ?? FIXED_REFERENCE;
  const reference = { instant, timezone: zoneOffsetMinutes(instant, options.timezone ?? 'UTC') };
  const [result] = parserFor(options.locale).parse(text, reference, { forwardDate: true });
  if (!result) return REJECTED;
  const at = result.start;
  const date = `${at.get('year')}-${pad(at.get('month') ?? 1)}-${pad(at.get('day') ?? 1)}`;
  const time = `${pad(at.get('hour') ?? 0)}:${pad(at.get('minute') ?? 0)}`;
  if (kind === 'date') return { ok: true, value: date };
  if (!at.isCertain('hour')) return REJECTED;
  return { ok: true, value: kind === 'time' ? time : `${date}T${time}` };
}
