import type { Entity } from '@parley/core';
import { chronoEn } from '../vendor/lazy-modules';
import { entity, type ExtractionContext } from './entity-context';

const DATE_WORDS = String.raw`today|tonight|tomorrow|tmrw|yesterday|noon|midnight|morning|afternoon|evening|night|(?:day|week|weekend|month|year|hour|minute)s?|ago|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december`;
// Digits alone ("20 people") do not make a date; times, ordinals, numeric dates and years do.
const DATE_DIGITS = String.raw`\d:\d\d|\d\s?(?:am|pm|a\.m|p\.m|h\b|o'clock)|\d(?:st|nd|rd|th)\b|\d[/.-]\d|\b(?:19|20)\d\d\b|\b(?:at|by|before|after|until|till|from) \d`;
const MAY_HOLD_DATE = new RegExp(String.raw`${DATE_DIGITS}|\b(?:${DATE_WORDS})\b`, 'i');
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
