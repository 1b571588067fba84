import twilio from 'twilio';
import type { TwilioParams } from '../twilio-params';

/** Checks X-Twilio-Signature (HMAC-SHA1 of the public URL, query included, and the sorted POST params) in constant time. */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: TwilioParams): boolean {
  if (!signature) return false;
  try {
    return twilio.validateRequest(authToken, signature, url, params);
  } catch {
    return false;
  }
}
