import { z } from 'zod';

/** Schema 1, frozen: files that say `schema: 1` are read with it and migrated to the current schema. */
const nodeId = z.string().min(1);

const quickReplyV1 = z.strictObject({ title: z.string().min(1), payload: z.string().min(1) });

const choiceOptionV1 = z.strictObject({
  title: z.string().min(1),
  payload: z.string().min(1),
  synonyms: z.array(z.string()).optional(),
  range: z.tuple([z.number(), z.number()]).optional(),
});

const sayNodeV1 = z.strictObject({
  type: z.literal('say'),
  text: z.string().min(1),
  quickReplies: z.array(quickReplyV1).optional(),
  next: nodeId.optional(),
});

const askNodeV1 = z.strictObject({
  type: z.literal('ask'),
  text: z.string().min(1),
  attribute: z.string().min(1),
  validate: z.enum(['text', 'email', 'number', 'choice']).default('text'),
  options: z.array(choiceOptionV1).optional(),
  retryText: z.string().optional(),
  maxRetries: z.number().int().min(0).max(10).default(2),
  fallback: nodeId.optional(),
  next: nodeId.optional(),
});

const conditionV1 = z.strictObject({
  attribute: z.string().optional(),
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  in: z.array(z.union([z.string(), z.number()])).optional(),
  gte: z.number().optional(),
  lte: z.number().optional(),
  intent: z.string().optional(),
  channel: z.string().optional(),
});

const branchNodeV1 = z.strictObject({
  type: z.literal('branch'),
  cases: z.array(z.strictObject({ when: conditionV1, next: nodeId })).min(1),
  else: nodeId,
});

const setNodeV1 = z.strictObject({
  type: z.literal('set'),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  next: nodeId.optional(),
});

const gotoNodeV1 = z.strictObject({ type: z.literal('goto'), next: nodeId });
const endNodeV1 = z.strictObject({ type: z.literal('end'), text: z.string().optional() });

export const flowSchemaV1 = z.strictObject({
  schema: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  name: z.string().optional(),
  locale: z.string().default('en'),
  start: nodeId,
  restart: nodeId.optional(),
  fallbackText: z.string().default("Sorry, I didn't catch that."),
  nodes: z.record(
    nodeId,
    z.discriminatedUnion('type', [sayNodeV1, askNodeV1, branchNodeV1, setNodeV1, gotoNodeV1, endNodeV1]),
  ),
});

export type FlowDefinitionV1 = z.infer<typeof flowSchemaV1>;
