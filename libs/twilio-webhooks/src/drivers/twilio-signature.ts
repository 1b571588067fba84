import twilio from 'twilio';
import type { TwilioParams } from '../twilio-params';

/**
 * Checks X-Twilio-Signature (HMAC-SHA1 of the public URL and the sorted POST params) with the SDK's
 * validator, which compares in constant time and accepts the URL with and without its default port.
 */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: TwilioParams): boolean {
  if (!signature) return false;
  try {
    return twilio.validateRequest(authToken, signature, url, params);
  } catch {
    return false;
  }
}
