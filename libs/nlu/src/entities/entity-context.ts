import type { Entity } from '@parley/core';

export interface ExtractionContext {
  /** ISO 3166 region for phone numbers written without a country code, e.g. 'US'. */
  defaultRegion: string;
  /** The reference instant for relative dates ("next Tuesday 3pm"). */
  now: Date;
  /** Entity types the conversation waits for; 'person_name' or 'text' turn on name extraction. */
  expected: readonly string[];
}

export type Extractor = (text: string, context: ExtractionContext) => Entity[];

export function entity(type: string, value: unknown, text: string, start: number, end: number): Entity {
  return { type, value, text: text.slice(start, end), start, end };
}
