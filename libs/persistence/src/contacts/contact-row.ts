import { CONSENT_CHANNELS, CONSENT_PURPOSES, disclosureVersionOf, type ConsentChannel, type ConsentPurpose } from '@parley/consent';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** One input row as read from a file or a request: column name to cell text, and where it came from. */
export interface RawContactRow {
  line: number;
  cells: Record<string, string>;
}

export interface ContactConsent {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  action: 'grant' | 'revoke';
  disclosureText?: string;
  disclosureVersion?: string;
  at?: Date;
}

export interface NormalisedContact {
  line: number;
  email?: string;
  phone?: string;
  attributes: Record<string, string>;
  consent?: ContactConsent;
}

export type RowVerdict = { ok: true; contact: NormalisedContact } | { ok: false; line: number; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const KNOWN = new Set(['email', 'phone', 'name', 'country', 'consent_channel', 'consent_purpose', 'consent_action', 'consent_text', 'consent_at']);

const fail = (line: number, reason: string): RowVerdict => ({ ok: false, line, reason });

function consentOf(cells: Record<string, string>): ContactConsent | string | undefined {
  const channel = cells.consent_channel?.trim().toLowerCase();
  const purpose = cells.consent_purpose?.trim().toLowerCase();
  if (!channel && !purpose) return undefined;
  if (!(CONSENT_CHANNELS as readonly string[]).includes(channel ?? '')) return `unknown consent_channel "${channel ?? ''}"`;
  if (!(CONSENT_PURPOSES as readonly string[]).includes(purpose ?? '')) return `unknown consent_purpose "${purpose ?? ''}"`;
  const action = cells.consent_action?.trim().toLowerCase() || 'grant';
  if (action !== 'grant' && action !== 'revoke') return `consent_action must be grant or revoke, not "${action}"`;
  const consent: ContactConsent = { channel: channel as ConsentChannel, purpose: purpose as ConsentPurpose, action };
  const text = cells.consent_text?.trim();
  if (text) Object.assign(consent, { disclosureText: text, disclosureVersion: disclosureVersionOf(text) });
  const at = cells.consent_at?.trim();
  if (at) {
    const date = new Date(at);
    if (Number.isNaN(date.getTime())) return `consent_at "${at}" is not a date`;
    consent.at = date;
  }
  return consent;
}

/** Normalises a row (E.164 phone, lower-case email, ISO country) or says, for that line, why it cannot be imported. */
export function normaliseContactRow(row: RawContactRow, defaultRegion: CountryCode): RowVerdict {
  const cells = Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k.trim().toLowerCase(), String(v ?? '').trim()]));
  if (Object.values(cells).every((v) => v === '')) return fail(row.line, 'empty row');
  const email = cells.email ? cells.email.toLowerCase() : undefined;
  if (email && !EMAIL.test(email)) return fail(row.line, `bad email "${cells.email}"`);
  let phone: string | undefined;
  if (cells.phone) {
    const parsed = parsePhoneNumberFromString(cells.phone, defaultRegion);
    if (!parsed?.isValid()) return fail(row.line, `malformed phone "${cells.phone}"`);
    phone = parsed.number;
  }
  if (!email && !phone) return fail(row.line, 'no email or phone');
  const country = cells.country ? cells.country.toUpperCase() : undefined;
  if (country && !isSupportedCountry(country)) return fail(row.line, `unknown country "${cells.country}"`);
  const consent = consentOf(cells);
  if (typeof consent === 'string') return fail(row.line, consent);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(cells)) if (value && !KNOWN.has(key)) attributes[key] = value;
  if (cells.name) attributes.name = cells.name.replace(/\s+/g, ' ');
  if (email) attributes.email = email;
  if (phone) attributes.phone = phone;
  if (country) attributes.country = country;
  return { ok: true, contact: { line: row.line, email, phone, attributes, consent } };
}
