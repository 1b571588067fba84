import type { FlowDefinitionV1 } from './flow-v1.schema';

/**
 * Schema 2 only adds node types and fields, so a schema 1 flow means the same in schema 2.
 * The version bump is for the other direction: a Parley that reads only schema 1 rejects a schema 2 file clearly.
 */
export function migrateFlowV1ToV2(flow: FlowDefinitionV1): Record<string, unknown> & { schema: 2 } {
  return { ...flow, schema: 2 };
}
