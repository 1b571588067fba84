import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { FlowDefinition } from '../schema/flow.schema';
import { readFlowSchema } from '../schema/read-flow-schema';
import { findFlowProblems, type FlowProblemOptions } from '../validation/flow-problems';

export interface FlowError {
  file: string;
  line: number;
  column: number;
  nodeId?: string;
  message: string;
}

export type LoadedFlow =
  | { ok: true; flow: FlowDefinition; version: string; file: string; sourceSchema: number }
  | { ok: false; errors: FlowError[] };

export const FLOW_FILE_SUFFIX = '.flow.yaml';

/** The version of a flow is the hash of its source, so the same text always has the same version. */
export function flowVersionOf(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 12);
}

/** The key of a `key: value` pair when there is one (so `next: x` points at `next`), else the value. */
function nodeAt(doc: Document, path: (string | number)[]): unknown {
  const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
    if (pair) return pair.key;
  }
  return doc.getIn(path, true);
}

function locator(doc: Document, lineCounter: LineCounter, file: string) {
  return (path: (string | number)[], nodeId: string | undefined, message: string): FlowError => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(doc, path.slice(0, depth));
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { file, line, column: col, ...(nodeId ? { nodeId } : {}), message };
      }
    }
    return { file, line: 1, column: 1, ...(nodeId ? { nodeId } : {}), message };
  };
}

const byPosition = (errors: FlowError[]) => errors.sort((a, b) => a.line - b.line || a.column - b.column);

const nodeIdOf = (path: (string | number)[]) => (path[0] === 'nodes' && typeof path[1] === 'string' ? path[1] : undefined);

/** Parses, validates and migrates one flow; every error carries file, line and column. */
export function parseFlow(source: string, file: string, options: FlowProblemOptions = {}): LoadedFlow {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { file, line, column: col, message: e.message.split('\n')[0] };
      }),
    };
  }
  const locate = locator(doc, lineCounter, file);
  const reading = readFlowSchema(doc.toJS());
  if (!reading.ok) {
    return {
      ok: false,
      errors: byPosition(reading.issues.map(({ path, message }) => locate(path, nodeIdOf(path), `${path.join('.') || '(root)'}: ${message}`))),
    };
  }
  const problems = findFlowProblems(reading.flow, options);
  if (problems.length) return { ok: false, errors: byPosition(problems.map((p) => locate(p.path, p.nodeId, p.message))) };
  return { ok: true, flow: reading.flow, version: flowVersionOf(source), file, sourceSchema: reading.sourceSchema };
}

export function loadFlowFile(file: string, options: FlowProblemOptions = {}): LoadedFlow {
  return parseFlow(readFileSync(file, 'utf8'), file, options);
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
