/** Settings the composition root gives the voice channel (TWILIO_* and PUBLIC_BASE_URL). */
export abstract class VoiceOptions {
  abstract readonly accountSid?: string;
  abstract readonly authToken?: string;
  /** The public URL Twilio calls, and signs: webhooks are verified against it, not against the Host header. */
  abstract readonly publicBaseUrl?: string;
  /** Where a call is transferred when its flow hands the caller to a human (VOICE_SALES_NUMBER). */
  abstract readonly salesNumber?: string;
}

export const VOICE_WEBHOOK_PATH = '/webhooks/twilio/voice';

/** Why the channel is off, or undefined when it can verify webhooks. */
export function voiceChannelProblem(options: VoiceOptions): string | undefined {
  const required: [string, string | undefined][] = [
    ['TWILIO_ACCOUNT_SID', options.accountSid],
    ['TWILIO_AUTH_TOKEN', options.authToken],
    ['PUBLIC_BASE_URL', options.publicBaseUrl],
  ];
  const missing = required.filter(([, value]) => !value).map(([name]) => name);
  return missing.length ? `missing ${missing.join(', ')}` : undefined;
}

export function publicUrl(options: VoiceOptions, pathAndQuery: string): string {
  return `${(options.publicBaseUrl ?? '').replace(/\/+$/, '')}${pathAndQuery}`;
}
