import { timingSafeEqual } from 'node:crypto';
import twilio from 'twilio';
import type { TwilioParams } from '../twilio-params';

function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks X-Twilio-Signature (HMAC-SHA1 of the public URL and the sorted POST params). The URL exactly as
 * configured is tried first (one HMAC, the usual case); otherwise the SDK's validator, which compares in
 * constant time and also accepts the URL with and without its default port and with the legacy query encoding.
 */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: TwilioParams): boolean {
  if (!signature) return false;
  try {
    return sameSignature(signature, twilio.getExpectedTwilioSignature(authToken, url, params)) || twilio.validateRequest(authToken, signature, url, params);
  } catch {
    return false;
  }
}
