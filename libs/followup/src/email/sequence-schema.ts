import { z } from 'zod';

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `0s`, `500ms`, `30s`, `15m`, `24h`, `3d`, like a flow's followup delay (ms for tests and bursts). */
export function durationMs(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

const duration = z.string().regex(DURATION, 'a duration such as 0s, 30s, 15m, 24h or 3d');

/** Ends the sequence for a contact whose attribute matches: `{attribute: lifecycleStage, equals: customer}`, `{attribute: repliedAt, exists: true}`. */
const exitCondition = z
  .strictObject({
    attribute: z.string().min(1),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    exists: z.boolean().optional(),
    reason: z.string().min(1).optional(),
  })
  .refine((c) => (c.equals === undefined) !== (c.exists === undefined), { message: 'give exactly one of equals or exists' });

const step = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'letters, digits, - and _'),
  /** Wait after the previous step was sent (for the first step: after the sequence started). */
  delay: duration.default('0s'),
  subject: z.string().min(1).max(300),
  html: z.string().min(1),
  text: z.string().min(1),
});

export const sequenceSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and -'),
    name: z.string().min(1).optional(),
    /** The list a contact unsubscribes from (named in the unsubscribe link); every list is email marketing consent. */
    list: z.string().regex(/^[a-z0-9-]{1,32}$/, 'up to 32 lowercase letters, digits and -').default('marketing'),
    exit: z.array(exitCondition).default([]),
    steps: z.array(step).min(1),
  })
  .refine((s) => new Set(s.steps.map((x) => x.id)).size === s.steps.length, { message: 'step ids must be unique', path: ['steps'] });

export type EmailSequence = z.infer<typeof sequenceSchema>;
export type EmailStep = EmailSequence['steps'][number];
export type ExitCondition = EmailSequence['exit'][number];

/** The first exit condition the contact's attributes meet, as a reason; undefined while the sequence goes on. */
export function exitReason(sequence: EmailSequence, attributes: Record<string, unknown>): string | undefined {
  for (const condition of sequence.exit) {
    const value = attributes[condition.attribute];
    const met = condition.exists !== undefined ? (value !== undefined && value !== null) === condition.exists : value === condition.equals;
    if (met) return condition.reason ?? `exit: ${condition.attribute} ${condition.exists !== undefined ? (condition.exists ? 'is set' : 'is not set') : `= ${String(condition.equals)}`}`;
  }
  return undefined;
}
