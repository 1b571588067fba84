import { z } from 'zod';
import { askNodeSchema } from '../nodes/ask-node.schema';
import { branchNodeSchema } from '../nodes/branch-node.schema';
import { consentNodeSchema } from '../nodes/consent-node.schema';
import { endNodeSchema } from '../nodes/end-node.schema';
import { followupNodeSchema } from '../nodes/followup-node.schema';
import { gotoNodeSchema } from '../nodes/goto-node.schema';
import { handoffNodeSchema } from '../nodes/handoff-node.schema';
import { sayNodeSchema } from '../nodes/say-node.schema';
import { scoreNodeSchema } from '../nodes/score-node.schema';
import { setNodeSchema } from '../nodes/set-node.schema';
import { splitNodeSchema } from '../nodes/split-node.schema';
import { waitNodeSchema } from '../nodes/wait-node.schema';
import { flowIdSchema, localeSchema, localisedTextSchema, nodeIdSchema, segmentSelectorSchema } from './common.schema';

export const CURRENT_FLOW_SCHEMA = 2;

const NODE_SCHEMAS = [
  sayNodeSchema,
  askNodeSchema,
  branchNodeSchema,
  setNodeSchema,
  scoreNodeSchema,
  consentNodeSchema,
  handoffNodeSchema,
  followupNodeSchema,
  gotoNodeSchema,
  splitNodeSchema,
  waitNodeSchema,
  endNodeSchema,
] as const;

export const NODE_TYPES = NODE_SCHEMAS.map((s) => s.shape.type.value);

export const flowNodeSchema = z.discriminatedUnion('type', NODE_SCHEMAS, {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `unknown node type ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type)} (one of ${NODE_TYPES.join(', ')})`
      : undefined,
});

export const globalIntentSchema = z.strictObject({
  /** Whole words or phrases that trigger the intent without an NLU (case-insensitive). */
  keywords: z.array(z.string().min(1)).optional(),
  next: nodeIdSchema,
  /** After the intent's path ends: back to the question that was open, to `restart`, to a node, or end. */
  resume: z.union([z.enum(['return', 'restart', 'end']), z.strictObject({ node: nodeIdSchema })]).default('return'),
});

/** The current schema, strict; `flowSchema` reads every supported version into it. */
export const flowSchemaV2 = z.strictObject({
  schema: z.literal(CURRENT_FLOW_SCHEMA),
  id: flowIdSchema,
  name: z.string().optional(),
  description: z.string().optional(),
  locale: localeSchema.default('en'),
  /** IANA zone for time-of-day conditions when the contact has no `timezone` attribute. */
  timezone: z.string().default('UTC'),
  start: nodeIdSchema,
  /** Where a message after the end resumes; defaults to `start`. */
  restart: nodeIdSchema.optional(),
  /** Said when a reply cannot be matched and the node has no retry text of its own. */
  fallbackText: localisedTextSchema.default("Sorry, I didn't catch that."),
  /** Interrupt from anywhere: `talk_to_human: { keywords: [human, agent], next: to_sales, resume: end }`. */
  intents: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'), globalIntentSchema).optional(),
  /** Per-segment start nodes, the first matching segment wins. */
  variants: z.array(z.strictObject({ segment: segmentSelectorSchema, start: nodeIdSchema })).optional(),
  nodes: z.record(nodeIdSchema, flowNodeSchema),
});

export type FlowDefinition = z.infer<typeof flowSchemaV2>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type NodeType = FlowNode['type'];
export type GlobalIntent = z.infer<typeof globalIntentSchema>;

/** A node by id; ids such as "constructor" are not mistaken for what every object inherits. */
export function nodeOf(flow: FlowDefinition, id: string | null | undefined): FlowNode | undefined {
  return id !== null && id !== undefined && Object.hasOwn(flow.nodes, id) ? flow.nodes[id] : undefined;
}
