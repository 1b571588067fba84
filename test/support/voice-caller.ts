import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { TWILIO } from './sms-peer';

export const callSid = () => `CA${randomBytes(16).toString('hex')}`;

/** What Parley told Twilio to do with the call, read from its TwiML. */
export interface CallStep {
  status: number;
  type: string | null;
  twiml: string;
  said: string[];
  /** The Gather's action as a local path and query (Twilio posts the next answer there), when Parley listens. */
  listenAt?: string;
  hangup: boolean;
  /** The number the call is transferred to. */
  dial?: string;
}

const unescape = (text: string) =>
  text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function readTwiml(status: number, type: string | null, twiml: string): CallStep {
  const said = [...twiml.matchAll(/<Say\b[^>]*>([\s\S]*?)<\/Say>/g)].map((m) => unescape(m[1]));
  const action = /<Gather\b[^>]*\saction="([^"]+)"/.exec(twiml)?.[1];
  const listenAt = action ? new URL(unescape(action)).pathname + new URL(unescape(action)).search : undefined;
  const dial = /<Dial\b[^>]*>([^<]+)<\/Dial>/.exec(twiml)?.[1];
  return { status, type, twiml, said, listenAt, hangup: /<Hangup\s*\/>/.test(twiml), ...(dial ? { dial: unescape(dial) } : {}) };
}

/** A caller on one Twilio call: each webhook signed over the public URL (query included), posted to the local one. */
export class VoiceCaller {
  readonly sid = callSid();

  constructor(
    private readonly appUrl: () => string,
    readonly from: string,
  ) {}

  params(extra: Record<string, string> = {}): Record<string, string> {
    return {
      AccountSid: TWILIO.accountSid, ApiVersion: '2010-04-01', CallSid: this.sid, CallStatus: 'in-progress', Direction: 'inbound',
      From: this.from, To: TWILIO.ourNumber, Caller: this.from, Called: TWILIO.ourNumber, ...extra,
    };
  }

  async post(pathAndQuery: string, params: Record<string, string>, signature: string | null = sign(pathAndQuery, params)): Promise<CallStep> {
    const response = await fetch(`${this.appUrl()}${pathAndQuery}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
      body: new URLSearchParams(params),
    });
    return readTwiml(response.status, response.headers.get('content-type'), await response.text());
  }

  dial(): Promise<CallStep> {
    return this.post('/webhooks/twilio/voice', this.params({ CallStatus: 'ringing' }));
  }

  say(step: CallStep, speech: string, confidence = '0.92'): Promise<CallStep> {
    return this.post(step.listenAt!, this.params({ SpeechResult: speech, Confidence: confidence }));
  }

  press(step: CallStep, digits: string): Promise<CallStep> {
    return this.post(step.listenAt!, this.params({ Digits: digits }));
  }

  /** The Gather timed out: Twilio posts to its action without SpeechResult or Digits (actionOnEmptyResult). */
  silence(step: CallStep): Promise<CallStep> {
    return this.post(step.listenAt!, this.params());
  }
}

export function sign(pathAndQuery: string, params: Record<string, string>, authToken = TWILIO.authToken): string {
  return twilio.getExpectedTwilioSignature(authToken, `${TWILIO.publicBaseUrl}${pathAndQuery}`, params);
}
