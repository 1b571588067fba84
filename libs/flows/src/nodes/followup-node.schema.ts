import { z } from 'zod';
import { durationSchema, nodeIdSchema, scalarSchema, withVariants } from '../schema/common.schema';

export const FOLLOWUP_KINDS = ['email_sequence', 'sms_sequence', 'crm_push', 'webhook'] as const;

export const followupNodeSchema = withVariants({
  type: z.literal('followup'),
  kind: z.enum(FOLLOWUP_KINDS),
  /** The sequence id, CRM or webhook name. */
  target: z.string().min(1),
  delay: durationSchema.optional(),
  /** Extra fields for the job; string values are templates. */
  data: z.record(z.string().min(1), scalarSchema).optional(),
  next: nodeIdSchema.optional(),
});

export type FollowupNode = z.infer<typeof followupNodeSchema>;
