import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeSubject {
  contactId: string;
  listId: string;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest();

/** `<base64url(contact:list)>.<base64url(hmac)>`: names its subject, and cannot be forged or guessed. */
export function createUnsubscribeToken(secret: string, subject: UnsubscribeSubject): string {
  const payload = `${subject.contactId}:${subject.listId}`;
  return `${b64(payload)}.${b64(mac(secret, payload))}`;
}

/** The subject of a genuine token; undefined for anything else (malformed, altered, other secret). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeSubject | undefined {
  if (token.length > 512) return undefined;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return undefined;
  const payload = Buffer.from(match[1], 'base64url').toString('utf8');
  const given = Buffer.from(match[2], 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const split = payload.lastIndexOf(':');
  if (split <= 0) return undefined;
  return { contactId: payload.slice(0, split), listId: payload.slice(split + 1) };
}
