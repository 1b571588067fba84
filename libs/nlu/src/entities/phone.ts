import type { Entity } from '@parley/core';
import type { CountryCode } from 'libphonenumber-js';
import { phoneNumbers } from '../vendor/lazy-modules';
import { entity, type ExtractionContext } from './entity-context';

const DIGIT = /\d/g;
const MIN_DIGITS = 6;

/** Valid numbers only (libphonenumber's metadata), normalised to E.164; national ones use the default region. */
export function extractPhones(text: string, context: ExtractionContext): Entity[] {
  if ((text.match(DIGIT)?.length ?? 0) < MIN_DIGITS) return [];

  return phoneNumbers().findPhoneNumbersInText(text, { defaultCountry: context.defaultRegion.toUpperCase() as CountryCode }).map((found) =>
    entity('phone', found.number.number, text, found.startsAt, found.endsAt),
  );
}
