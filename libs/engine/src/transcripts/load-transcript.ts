import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { transcriptSchema, type Transcript } from './transcript.schema';

export interface LoadedTranscript {
  file: string;
  name: string;
  transcript?: Transcript;
  /** Line of each conversation step, for failure messages. */
  stepLines: number[];
  errors: { line: number; message: string }[];
}

export function parseTranscript(source: string, file: string): LoadedTranscript {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const name = basename(file);
  const lineOf = (path: (string | number)[]) => {
    const node = doc.getIn(path, true);
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  if (doc.errors.length) {
    const errors = doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0] }));
    return { file, name, stepLines: [], errors };
  }
  const parsed = transcriptSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { line: lineOf(path), message: `${path.join('.') || '(root)'}: ${issue.message}` };
    });
    return { file, name, stepLines: [], errors };
  }
  const stepLines = parsed.data.conversation.map((_, i) => lineOf(['conversation', i]));
  return { file, name: parsed.data.name ?? name, transcript: parsed.data, stepLines, errors: [] };
}

export function loadTranscriptFile(file: string): LoadedTranscript {
  return parseTranscript(readFileSync(file, 'utf8'), file);
}
