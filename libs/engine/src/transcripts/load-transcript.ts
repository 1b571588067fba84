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
  errors: string[];
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
    return { file, name, stepLines: [], errors: doc.errors.map((e) => `${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`) };
  }
  const parsed = transcriptSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return `${file}:${lineOf(path)}: ${path.join('.') || '(root)'}: ${issue.message}`;
    });
    return { file, name, stepLines: [], errors };
  }
  const stepLines = parsed.data.conversation.map((_, i) => lineOf(['conversation', i]));
  return { file, name: parsed.data.name ?? name, transcript: parsed.data, stepLines, errors: [] };
}

export function loadTranscriptFile(file: string): LoadedTranscript {
  return parseTranscript(readFileSync(file, 'utf8'), file);
}
