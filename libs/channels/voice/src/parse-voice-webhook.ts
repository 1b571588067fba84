import { BadRequestException } from '@nestjs/common';
import type { InboundMessage } from '@parley/core';
import { callerAddress } from './caller-address';
import { param, type TwilioParams } from '@parley/twilio-webhooks';

export type CallerInput = { kind: 'speech'; text: string; confidence?: number } | { kind: 'dtmf'; digits: string };

/** One verified Voice webhook: the call, where it is in the conversation, and what the caller said or pressed. */
export interface VoiceWebhook {
  callSid: string;
  /** The conversation's address: the caller's number, or one per call when the number is withheld. */
  from: string;
  /** Which answer of the call this is; it rides in the Gather action URL, which Twilio signs. */
  turn: number;
  /** Gathers in a row that heard nothing. */
  silence: number;
  input?: CallerInput;
  /** A status callback saying the call has ended (or never connected). */
  over: boolean;
  receivedAt: Date;
}

const SMALL_COUNT = /^\d{1,3}$/;
const FINAL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

function count(value: unknown): number {
  return typeof value === 'string' && SMALL_COUNT.test(value) ? Number(value) : 0;
}

function inputOf(params: TwilioParams): CallerInput | undefined {
  const digits = param(params, 'Digits')?.replace(/[^0-9*#]/g, '');
  if (digits) return { kind: 'dtmf', digits };
  // Recognisers end sentences with a full stop ("Jane.", "jane@acme.io."), which is no part of the answer.
  const text = param(params, 'SpeechResult')?.trim().replace(/[.!?]+$/, '');
  if (!text) return undefined;
  const confidence = Number(param(params, 'Confidence'));
  return { kind: 'speech', text, ...(Number.isFinite(confidence) ? { confidence } : {}) };
}

export function parseVoiceWebhook(params: TwilioParams, query: Record<string, unknown>, receivedAt: Date): VoiceWebhook {
  const callSid = param(params, 'CallSid');
  const from = param(params, 'From');
  if (!callSid || !from) throw new BadRequestException({ error: 'bad_request', message: 'CallSid and From are required' });
  return {
    callSid,
    from: callerAddress(from, callSid),
    turn: count(query.turn),
    silence: count(query.silence),
    input: inputOf(params),
    over: FINAL_STATUSES.has(param(params, 'CallStatus') ?? ''),
    receivedAt,
  };
}

/** CallSid + turn names the answer, so Twilio's retries of one Gather callback are stored once. */
export function toInbound(call: VoiceWebhook, input: CallerInput): InboundMessage {
  return {
    channel: 'voice',
    address: call.from,
    externalId: `${call.callSid}:${call.turn}`,
    text: input.kind === 'dtmf' ? input.digits : input.text,
    receivedAt: call.receivedAt,
    metadata: {
      callSid: call.callSid,
      inputMode: input.kind,
      ...(input.kind === 'speech' && input.confidence !== undefined ? { confidence: input.confidence } : {}),
    },
  };
}
