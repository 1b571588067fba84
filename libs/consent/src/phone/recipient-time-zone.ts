import { timeZoneForPhone } from './time-zone-for-phone';

function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !value) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The contact's own zone (attribute timeZone or timezone), else the phone number's region or area code, else the account default. */
export function recipientTimeZone(attributes: Readonly<Record<string, unknown>>, address: string, defaultTimeZone: string): string {
  const own = attributes.timeZone ?? attributes.timezone;
  return isTimeZone(own) ? own : timeZoneForPhone(address, defaultTimeZone);
}
