import { publicUrl, twilioSettingsProblem } from '@parley/twilio-webhooks';

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
export const voiceChannelProblem: (options: VoiceOptions) => string | undefined = twilioSettingsProblem;

export { publicUrl };
