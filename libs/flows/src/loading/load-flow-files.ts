import { readFileSync } from 'node:fs';
import type { FlowDefinition } from '../schema/flow.schema';
import { parseFlow, type LoadedFlow } from './flow-loader';

export type LoadedFlowFile = LoadedFlow & { file: string };

/**
 * Loads flows that may `goto` each other: a first pass finds the valid ones, a second checks the flow references
 * against them. A flow that points at a missing or invalid flow is itself invalid.
 */
export function loadFlowFiles(files: readonly string[]): LoadedFlowFile[] {
  const sources = files.map((file) => ({ file, source: readFileSync(file, 'utf8') }));
  const valid = new Map<string, FlowDefinition>();
  const fileOf = new Map<string, string>();
  for (const { file, source } of sources) {
    const first = parseFlow(source, file);
    if (first.ok && !valid.has(first.flow.id)) {
      valid.set(first.flow.id, first.flow);
      fileOf.set(first.flow.id, file);
    }
  }
  return sources.map(({ file, source }): LoadedFlowFile => {
    const loaded = parseFlow(source, file, { otherFlows: valid });
    if (loaded.ok && fileOf.get(loaded.flow.id) !== file) {
      const message = `id: flow "${loaded.flow.id}" is already defined in ${fileOf.get(loaded.flow.id)}`;
      const line = source.split('\n').findIndex((l) => /^id\s*:/.test(l)) + 1 || 1;
      return { ok: false, errors: [{ file, line, column: 1, message }], file };
    }
    return { ...loaded, file };
  });
}
