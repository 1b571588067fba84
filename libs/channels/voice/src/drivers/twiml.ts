import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import type { SpokenLanguage } from '../voice-locale';

/** What one answer to Twilio does: speak, then listen for the next answer, transfer the call, or hang up. */
export interface VoiceAnswer {
  spoken: SpokenLanguage;
  lines: string[];
  /** Where Twilio posts what it heard (or nothing, after a silence); absent, the call ends. */
  listenAt?: string;
  /** The number the call is transferred to after the prompts. */
  dial?: string;
}

/** Answers a webhook that needs nothing done (a call status callback). */
export const EMPTY_TWIML = new twilio.twiml.VoiceResponse().toString();

/** The answer as TwiML: prompts inside <Gather>, so the caller can answer before they end. */
export function toTwiml(answer: VoiceAnswer): string {
  const response = new twilio.twiml.VoiceResponse();
  const sayAttributes = { voice: answer.spoken.voice as VoiceResponse.SayAttributes['voice'], language: answer.spoken.language as VoiceResponse.SayAttributes['language'] };
  const speaker = answer.listenAt
    ? response.gather({
        input: ['speech', 'dtmf'],
        speechTimeout: 'auto',
        action: answer.listenAt,
        method: 'POST',
        actionOnEmptyResult: true,
        language: answer.spoken.language as VoiceResponse.GatherAttributes['language'],
      })
    : response;
  for (const line of answer.lines) speaker.say(sayAttributes, line);
  if (answer.listenAt) return response.toString();
  if (answer.dial) response.dial(answer.dial);
  else response.hangup();
  return response.toString();
}
