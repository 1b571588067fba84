import { z } from 'zod';
import { nodeIdSchema, withVariants } from '../schema/common.schema';
import { conditionSchema } from '../schema/condition.schema';

export const branchNodeSchema = withVariants({
  type: z.literal('branch'),
  cases: z.array(z.strictObject({ when: conditionSchema, next: nodeIdSchema })).min(1),
  else: z.string({
    error: (issue) => (issue.input === undefined ? 'missing else: a branch needs an `else` target' : undefined),
  }).min(1),
});

export type BranchNode = z.infer<typeof branchNodeSchema>;
