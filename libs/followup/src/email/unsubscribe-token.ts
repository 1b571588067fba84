import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeSubject {
  contactId: string;
  listId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** 128 bits of HMAC-SHA256: unforgeable, and keeps the link short (URL path parameters are capped at 100 characters). */
const MAC_BYTES = 16;

const mac = (secret: string, subject: Buffer) => createHmac('sha256', secret).update('unsubscribe\0').update(subject).digest().subarray(0, MAC_BYTES);

// A UUID contact id is packed into its 16 bytes (tag 1); any other id is kept as text before a NUL (tag 0).
function pack({ contactId, listId }: UnsubscribeSubject): Buffer {
  if (UUID.test(contactId)) return Buffer.concat([Buffer.from([1]), Buffer.from(contactId.replace(/-/g, ''), 'hex'), Buffer.from(listId)]);
  return Buffer.concat([Buffer.from([0]), Buffer.from(contactId), Buffer.from([0]), Buffer.from(listId)]);
}

function unpack(bytes: Buffer): UnsubscribeSubject | undefined {
  if (bytes[0] === 1 && bytes.length > 17) {
    const hex = bytes.subarray(1, 17).toString('hex');
    return { contactId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, listId: bytes.subarray(17).toString() };
  }
  const end = bytes.indexOf(0, 1);
  if (bytes[0] !== 0 || end <= 1 || end === bytes.length - 1) return undefined;
  return { contactId: bytes.subarray(1, end).toString(), listId: bytes.subarray(end + 1).toString() };
}

/** `<base64url(contact, list)>.<base64url(hmac)>`: names its subject, and cannot be forged or enumerated. */
export function createUnsubscribeToken(secret: string, subject: UnsubscribeSubject): string {
  const packed = pack(subject);
  return `${packed.toString('base64url')}.${mac(secret, packed).toString('base64url')}`;
}

/** The subject of a genuine token; undefined for anything else (malformed, altered, signed with another secret). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeSubject | undefined {
  const match = /^([A-Za-z0-9_-]{4,200})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return undefined;
  const packed = Buffer.from(match[1], 'base64url');
  const given = Buffer.from(match[2], 'base64url');
  const expected = mac(secret, packed);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return unpack(packed);
}
