import { z } from 'zod';

/** Stored as addresses and message ids, which hold 255 characters. */
const id = z.string().min(1).max(255);
const application = z.object({ applicationId: id }).optional();
const slot = z.object({ value: z.string().max(2_000).optional() });

const envelope = z.object({
  version: z.string().optional(),
  session: z.object({ sessionId: id, application, user: z.object({ userId: id }).optional() }).optional(),
  context: z.object({ System: z.object({ application, user: z.object({ userId: id }).optional() }) }).optional(),
  request: z.object({
    type: z.string().min(1).max(100),
    requestId: id,
    timestamp: z.string().max(64),
    locale: z.string().max(20).optional(),
    intent: z.object({ name: z.string().max(200), slots: z.record(z.string(), slot).optional() }).optional(),
  }),
});

export type AlexaRequestKind = 'launch' | 'utterance' | 'help' | 'stop' | 'not-understood' | 'session-ended' | 'other';

/** One Alexa request, parsed: who speaks, in which session, and what they asked. */
export interface AlexaRequest {
  kind: AlexaRequestKind;
  requestId: string;
  /** The Alexa account's user id: the conversation's address, so the next session resumes this one. */
  userId: string;
  sessionId?: string;
  timestamp: Date;
  /** Every application id the request names (session and context); all must be our skill's. */
  applicationIds: string[];
  locale?: string;
  utterance?: string;
}

export class AlexaRequestError extends Error {}

/** The catch-all intent's slot; any other filled slot of a custom intent is taken as the utterance too. */
export const UTTERANCE_SLOT = 'utterance';
const STOP_INTENTS = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent']);
/** Alexa writes a spoken bare number as a word; the flows pick options by digit. */
const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };

function utteranceOf(slots: Record<string, { value?: string }> = {}): string | undefined {
  const value = (slots[UTTERANCE_SLOT]?.value ?? Object.values(slots).find((s) => s.value?.trim())?.value)?.trim();
  if (!value) return undefined;
  return NUMBER_WORDS[value.toLowerCase()] ?? value;
}

function kindOf(request: z.infer<typeof envelope>['request'], utterance: string | undefined): AlexaRequestKind {
  if (request.type === 'LaunchRequest') return 'launch';
  if (request.type === 'SessionEndedRequest') return 'session-ended';
  if (request.type !== 'IntentRequest') return 'other';
  const name = request.intent?.name ?? '';
  if (STOP_INTENTS.has(name)) return 'stop';
  if (name === 'AMAZON.HelpIntent') return 'help';
  return utterance ? 'utterance' : 'not-understood';
}

export function parseAlexaRequest(body: unknown): AlexaRequest {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw new AlexaRequestError(`not an Alexa request: ${parsed.error.issues[0]?.path.join('.') || 'body'} is invalid`);
  const { session, context, request } = parsed.data;
  const userId = context?.System.user?.userId ?? session?.user?.userId;
  if (!userId) throw new AlexaRequestError('not an Alexa request: no user id');
  const timestamp = new Date(request.timestamp);
  if (Number.isNaN(timestamp.getTime())) throw new AlexaRequestError('request.timestamp is not a date');
  const applicationIds = [session?.application?.applicationId, context?.System.application?.applicationId].filter((a): a is string => !!a);
  const utterance = request.type === 'IntentRequest' ? utteranceOf(request.intent?.slots) : undefined;
  return {
    kind: kindOf(request, utterance),
    requestId: request.requestId,
    userId,
    ...(session ? { sessionId: session.sessionId } : {}),
    timestamp,
    applicationIds,
    ...(request.locale ? { locale: request.locale } : {}),
    ...(utterance ? { utterance } : {}),
  };
}
