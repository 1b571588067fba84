import type { Entity } from '@parley/core';
import { chronoEn } from '../vendor/lazy-modules';
import { entity, type ExtractionContext } from './entity-context';

const DATE_WORDS = String.raw`today|tonight|tomorrow|tmrw|yesterday|noon|midnight|morning|afternoon|evening|night|week|weekend|month|year|ago|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december`;
const MAY_HOLD_DATE = new RegExp(String.raw`\d|\b(?:${DATE_WORDS})\b`, 'i');
// Lower-case words chrono reads as dates that are usually something else: "I sat down", "you may", "$9 a month".
const DOUBTFUL = /^(?:may|march|sat|sun|wed|mar|jun|now|(?:a|an|one) (?:second|minute|hour|day|week|month|year))$/;

/** Dates and times relative to the context's clock, as ISO instants (the start of a range). */
export function extractDatetimes(text: string, context: ExtractionContext): Entity[] {
  if (!MAY_HOLD_DATE.test(text)) return [];

  return chronoEn()
    .casual
    .parse(text, { instant: context.now }, { forwardDate: true })
    .filter((result) => !DOUBTFUL.test(result.text))
    .map((result) => entity('datetime', result.start.date().toISOString(), text, result.index, result.index + result.text.length));
}
