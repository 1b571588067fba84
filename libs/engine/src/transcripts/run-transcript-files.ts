import { flowFilesIn, formatFlowError, loadFlowFiles } from '@parley/flows';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowRelease } from '../ports';
import { loadTranscriptFile } from './load-transcript';
import { runTranscript, type TranscriptResult } from './run-transcript';

export interface TranscriptSuite {
  results: TranscriptResult[];
  /** Invalid flows: the transcripts of those flows fail with "not loaded". */
  flowErrors: string[];
}

export function transcriptFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export function loadFlowReleases(flowsDir: string): { releases: FlowRelease[]; errors: string[] } {
  const releases: FlowRelease[] = [];
  const errors: string[] = [];
  for (const loaded of loadFlowFiles(flowFilesIn(flowsDir))) {
    if (loaded.ok) releases.push({ flow: loaded.flow, version: loaded.version });
    else errors.push(...loaded.errors.map(formatFlowError));
  }
  return { releases, errors };
}

/** Runs transcript files (default: every <flowsDir>/tests/*.yaml) against the flows of flowsDir. */
export async function runTranscriptFiles(flowsDir: string, files = transcriptFilesIn(join(flowsDir, 'tests'))): Promise<TranscriptSuite> {
  const { releases, errors } = loadFlowReleases(flowsDir);
  const results: TranscriptResult[] = [];
  for (const file of files) results.push(await runTranscript(loadTranscriptFile(file), releases));
  return { results, flowErrors: errors };
}
