import { publicUrl, twilioSettingsProblem } from '@parley/twilio-webhooks';

/** Settings the composition root gives the SMS channel (TWILIO_* and PUBLIC_BASE_URL). */
export abstract class SmsOptions {
  abstract readonly accountSid?: string;
  abstract readonly authToken?: string;
  /** The sending number (E.164), or a Messaging Service SID (MG…) to send through its number pool. */
  abstract readonly from?: string;
  /** Where the REST API is reached, when a proxy or a test double stands in for Twilio's. */
  abstract readonly apiUrl?: string;
  /** The public URL Twilio calls, and signs: webhooks are verified against it, not against the Host header. */
  abstract readonly publicBaseUrl?: string;
  /** Waits before retrying a send that failed transiently (429, 5xx, refused); one retry per entry. */
  abstract readonly retryDelaysMs?: readonly number[];
}

export const SMS_WEBHOOK_PATH = '/webhooks/twilio/sms';
export const STATUS_WEBHOOK_PATH = '/webhooks/twilio/status';

/** Why the channel is off, or undefined when it can verify webhooks. */
export const smsChannelProblem: (options: SmsOptions) => string | undefined = twilioSettingsProblem;

export { publicUrl };

/** Our message id rides in the callback URL (which Twilio signs), so a receipt names the message it is about. */
export function statusCallbackUrl(options: SmsOptions, messageId: string): string | undefined {
  if (!options.publicBaseUrl) return undefined;
  return publicUrl(options, `${STATUS_WEBHOOK_PATH}?messageId=${encodeURIComponent(messageId)}`);
}
