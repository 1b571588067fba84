import { CHANNELS } from '@parley/core';
import { z } from 'zod';
import { durationSchema } from '../common/duration';
import { oneOrManySchema } from '../common/primitives';
import { LIFECYCLE_STAGES } from '../lifecycle/lifecycle-stage';
import { attributeConditionSchema } from '../rules/attribute-condition';
import { eventMatcherSchema } from '../rules/event-matcher';

const stageSchema = z.enum(LIFECYCLE_STAGES);

/** "Asked for pricing in the last 7 days": at least `atLeast` matching triggers within `within`. */
export const behaviourClauseSchema = z.strictObject({
  behaviour: eventMatcherSchema,
  within: durationSchema,
  atLeast: z.number().int().positive().default(1),
});

const leafSchemas = [
  attributeConditionSchema,
  z.strictObject({ score: z.strictObject({ gte: z.number().optional(), lte: z.number().optional() }) }),
  z.strictObject({ lifecycle: z.union([stageSchema, z.array(stageSchema).min(1), z.strictObject({ atLeast: stageSchema })]) }),
  z.strictObject({ consent: z.strictObject({ purpose: z.string().min(1), granted: z.boolean().default(true) }) }),
  /** Has any of these tags. */
  z.strictObject({ tag: oneOrManySchema }),
  /** Reachable on any of these channels. */
  z.strictObject({ channel: z.union([z.enum(CHANNELS), z.array(z.enum(CHANNELS)).min(1)]) }),
  behaviourClauseSchema,
] as const;

export type SegmentFilter =
  | z.infer<(typeof leafSchemas)[number]>
  | { all: SegmentFilter[] }
  | { any: SegmentFilter[] }
  | { not: SegmentFilter };

export const segmentFilterSchema: z.ZodType<SegmentFilter, unknown> = z.lazy(() =>
  z.union([
    ...leafSchemas,
    z.strictObject({ all: z.array(segmentFilterSchema).min(1) }),
    z.strictObject({ any: z.array(segmentFilterSchema).min(1) }),
    z.strictObject({ not: segmentFilterSchema }),
  ]),
);

export const segmentDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _'),
  name: z.string().min(1),
  description: z.string().optional(),
  filter: segmentFilterSchema,
});

export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;
