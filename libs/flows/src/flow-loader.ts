import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { findFlowProblems } from './flow-problems';
import { flowSchema, type FlowDefinition } from './flow-schema';

export interface FlowError {
  file: string;
  line: number;
  column: number;
  nodeId?: string;
  message: string;
}

export type LoadedFlow = { ok: true; flow: FlowDefinition; version: string; file: string } | { ok: false; errors: FlowError[] };

export const FLOW_FILE_SUFFIX = '.flow.yaml';

/** The version of a flow is the hash of its source, so the same text always has the same version. */
export function flowVersionOf(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 12);
}

export function parseFlow(source: string, file: string): LoadedFlow {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.map((e) => ({ file, ...lineCol(at(e.pos[0])), message: e.message })) };
  }
  const locate = (path: (string | number)[], nodeId: string | undefined, message: string): FlowError => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return { file, ...lineCol(at(node.range[0])), nodeId, message };
    }
    return { file, line: 1, column: 1, nodeId, message };
  };
  const parsed = flowSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const nodeId = path[0] === 'nodes' && typeof path[1] === 'string' ? path[1] : undefined;
        return locate(path, nodeId, `${path.join('.') || '(root)'}: ${issue.message}`);
      }),
    };
  }
  const problems = findFlowProblems(parsed.data);
  if (problems.length) return { ok: false, errors: problems.map((p) => locate(p.path, p.nodeId, p.message)) };
  return { ok: true, flow: parsed.data, version: flowVersionOf(source), file };
}

function lineCol(pos: { line: number; col: number }): { line: number; column: number } {
  return { line: pos.line, column: pos.col };
}

export function loadFlowFile(file: string): LoadedFlow {
  return parseFlow(readFileSync(file, 'utf8'), file);
}

export function flowFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(FLOW_FILE_SUFFIX))
    .sort()
    .map((name) => join(dir, name));
}

export function formatFlowError(e: FlowError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.nodeId ? `[${e.nodeId}] ` : ''}${e.message}`;
}
