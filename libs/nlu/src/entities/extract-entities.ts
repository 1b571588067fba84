import type { Entity } from '@parley/core';
import { extractCompanySizes } from './company-size';
import { extractDatetimes } from './datetime';
import { extractEmails } from './email';
import type { ExtractionContext, Extractor } from './entity-context';
import { extractMoney } from './money';
import { extractNumbers } from './number';
import { extractPercentages } from './percentage';
import { extractPersonNames } from './person-name';
import { extractPhones } from './phone';
import { extractUrls } from './url';

export interface ExtractionOptions {
  defaultRegion?: string;
  /** Reference instant for relative dates; defaults to now. */
  now?: Date;
  expected?: readonly string[];
}

/** Priority order: an entity is kept only if it overlaps none found by an earlier extractor. */
const EXTRACTORS: Extractor[] = [
  extractEmails,
  extractUrls,
  extractPhones,
  extractMoney,
  extractPercentages,
  extractCompanySizes,
  extractDatetimes,
  extractNumbers,
  extractPersonNames,
];

export function extractEntities(text: string, options: ExtractionOptions = {}): Entity[] {
  const context: ExtractionContext = {
    defaultRegion: options.defaultRegion ?? 'US',
    now: options.now ?? new Date(),
    expected: options.expected ?? [],
  };
  const kept: Entity[] = [];
  for (const extract of EXTRACTORS) {
    for (const found of extract(text, context)) {
      if (!kept.some((e) => found.start < e.end && found.end > e.start)) kept.push(found);
    }
  }

  return kept.sort((a, b) => a.start - b.start);
}
