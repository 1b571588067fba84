import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { COUNTRY_MAIN_ZONES } from './country-time-zones';
import { NANP_AREA_CODE_ZONES } from './nanp-area-codes';

/**
 * A best guess of the zone a phone number's owner lives in, for quiet hours when the contact gave none.
 * US and Canadian numbers go by area code, others by their country's most populous zone.
 * Limits: numbers move with their owners (portability, mobiles), straddling area codes and
 * multi-zone countries (US unknown area codes, RU, AU, BR, MX, ID…) get the main zone, and a
 * country outside the table, or a number libphonenumber cannot place, gets `fallback`.
 */
export function timeZoneForPhone(e164: string, fallback: string): string {
  const phone = parsePhoneNumberFromString(e164.replace(/^whatsapp:/i, ''));
  if (!phone?.country) return fallback;
  if (phone.country === 'US' || phone.country === 'CA') {
    const zone = NANP_AREA_CODE_ZONES.get(phone.nationalNumber.slice(0, 3));
    if (zone) return zone;
  }
  return COUNTRY_MAIN_ZONES[phone.country] ?? fallback;
}
