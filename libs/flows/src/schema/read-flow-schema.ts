import { z } from 'zod';
import { CURRENT_FLOW_SCHEMA, flowSchemaV2, NODE_TYPES, type FlowDefinition } from './flow.schema';
import { flowSchemaV1 } from './flow-v1.schema';
import { migrateFlowV1ToV2 } from './migrate-flow-v1-to-v2';

export type SchemaIssue = { path: (string | number)[]; message: string };
export type SchemaReading = { ok: true; flow: FlowDefinition; sourceSchema: number } | { ok: false; issues: SchemaIssue[] };

const SUPPORTED = [1, CURRENT_FLOW_SCHEMA];

/** One issue per unknown key, located at the key itself. */
function issuesOf(error: z.ZodError): SchemaIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}"` }));
    }
    return [{ path, message: issue.message }];
  });
}

/** A schema 1 file that uses a node type of a later schema is told which schema to declare. */
function explainForV1(issue: SchemaIssue, raw: unknown): SchemaIssue {
  const [nodes, id, field] = issue.path;
  if (nodes !== 'nodes' || field !== 'type' || issue.path.length !== 3) return issue;
  const type = (raw as { nodes?: Record<string, { type?: unknown }> }).nodes?.[id]?.type;
  if (!(NODE_TYPES as unknown[]).includes(type)) return issue;
  return { ...issue, message: `node type "${String(type)}" needs \`schema: ${CURRENT_FLOW_SCHEMA}\`` };
}

/** Reads any supported schema version and migrates it, one step per version, to the current one. */
export function readFlowSchema(raw: unknown): SchemaReading {
  const version = raw !== null && typeof raw === 'object' ? (raw as { schema?: unknown }).schema : undefined;
  if (!SUPPORTED.includes(version as number)) {
    const message = version === undefined ? 'missing `schema:` version' : `unsupported schema ${JSON.stringify(version)}`;
    return { ok: false, issues: [{ path: ['schema'], message: `${message} (this Parley reads schema ${SUPPORTED.join(' and ')})` }] };
  }
  let current: unknown = raw;
  if (version === 1) {
    const v1 = flowSchemaV1.safeParse(raw);
    if (!v1.success) return { ok: false, issues: issuesOf(v1.error).map((issue) => explainForV1(issue, raw)) };
    current = migrateFlowV1ToV2(v1.data);
  }
  const parsed = flowSchemaV2.safeParse(current);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  return { ok: true, flow: parsed.data, sourceSchema: version as number };
}

/** Any supported version in, the current schema out: `flowSchema.parse({ schema: 1, ... })` gives a FlowDefinition. */
export const flowSchema = z.unknown().transform((raw, ctx): FlowDefinition => {
  const reading = readFlowSchema(raw);
  if (reading.ok) return reading.flow;
  for (const issue of reading.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});
