import { CONSENT_CHANNELS, CONSENT_PURPOSES } from '@parley/consent';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _');

/** A consent change recorded in a turn (a flow's consent node, or a START / STOP keyword). Channel and purpose left out match any. */
const onConsent = z.strictObject({
  kind: z.literal('consent'),
  channel: z.enum(CONSENT_CHANNELS).optional(),
  purpose: z.enum(CONSENT_PURPOSES).optional(),
  granted: z.boolean(),
});

/** The contact's lifecycleStage attribute changing in a turn (to `to`, optionally from `from`). */
const onLifecycle = z.strictObject({
  kind: z.literal('lifecycle'),
  from: z.string().min(1).optional(),
  to: z.string().min(1),
});

const startSequence = z.strictObject({ start_sequence: slug });
const crmPush = z.strictObject({ crm_push: z.string().min(1) });
/** A sales handoff (a card on the Slack desk), e.g. when the score makes a contact sales-qualified. */
const handoff = z.strictObject({
  handoff: z.strictObject({ queue: z.string().min(1).optional(), priority: z.string().min(1).optional(), reason: z.string().min(1).optional() }),
});

export const triggerSchema = z.strictObject({
  id: slug,
  on: z.discriminatedUnion('kind', [onConsent, onLifecycle]),
  then: z.union([startSequence, crmPush, handoff]),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const triggersFileSchema = z
  .strictObject({ triggers: z.array(triggerSchema).default([]) })
  .refine((f) => new Set(f.triggers.map((t) => t.id)).size === f.triggers.length, { message: 'trigger ids must be unique', path: ['triggers'] });

export type EventTrigger = z.infer<typeof triggerSchema>;
