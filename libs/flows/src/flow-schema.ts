import { z } from 'zod';

const nodeId = z.string().min(1);

export const quickReplySchema = z.strictObject({ title: z.string().min(1), payload: z.string().min(1) });

export const choiceOptionSchema = z.strictObject({
  title: z.string().min(1),
  payload: z.string().min(1),
  synonyms: z.array(z.string()).optional(),
  /** A number in the answer that falls in [min, max] picks this option ("about 250 people"). */
  range: z.tuple([z.number(), z.number()]).optional(),
});

const sayNode = z.strictObject({
  type: z.literal('say'),
  text: z.string().min(1),
  quickReplies: z.array(quickReplySchema).optional(),
  next: nodeId.optional(),
});

export const ASK_VALIDATORS = ['text', 'email', 'number', 'choice'] as const;

const askNode = z.strictObject({
  type: z.literal('ask'),
  text: z.string().min(1),
  attribute: z.string().min(1),
  validate: z.enum(ASK_VALIDATORS).default('text'),
  options: z.array(choiceOptionSchema).optional(),
  retryText: z.string().optional(),
  maxRetries: z.number().int().min(0).max(10).default(2),
  fallback: nodeId.optional(),
  next: nodeId.optional(),
});

export const conditionSchema = z.strictObject({
  attribute: z.string().optional(),
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  in: z.array(z.union([z.string(), z.number()])).optional(),
  gte: z.number().optional(),
  lte: z.number().optional(),
  intent: z.string().optional(),
  channel: z.string().optional(),
});

const branchNode = z.strictObject({
  type: z.literal('branch'),
  cases: z.array(z.strictObject({ when: conditionSchema, next: nodeId })).min(1),
  else: nodeId,
});

const setNode = z.strictObject({
  type: z.literal('set'),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  next: nodeId.optional(),
});

const gotoNode = z.strictObject({ type: z.literal('goto'), next: nodeId });
const endNode = z.strictObject({ type: z.literal('end'), text: z.string().optional() });

export const flowNodeSchema = z.discriminatedUnion('type', [sayNode, askNode, branchNode, setNode, gotoNode, endNode]);

export const flowSchema = z.strictObject({
  schema: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  name: z.string().optional(),
  locale: z.string().default('en'),
  start: nodeId,
  /** Where a message after `end` resumes; defaults to `start`. */
  restart: nodeId.optional(),
  /** Said when a reply cannot be matched and the node has no retry text of its own. */
  fallbackText: z.string().default("Sorry, I didn't catch that."),
  nodes: z.record(nodeId, flowNodeSchema),
});

export type FlowDefinition = z.infer<typeof flowSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type AskNode = z.infer<typeof askNode>;
export type BranchNode = z.infer<typeof branchNode>;
export type Condition = z.infer<typeof conditionSchema>;
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
