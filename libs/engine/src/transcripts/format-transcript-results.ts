import type { TranscriptResult } from './run-transcript';

const pad = (text: string, width: number) => text.padEnd(width);

/** A pass/fail table, then each failure as file:line: message. */
export function formatTranscriptResults(results: readonly TranscriptResult[]): string {
  const width = Math.max(10, ...results.map((r) => r.name.length)) + 2;
  const lines = [`${pad('RESULT', 8)}${pad('TRANSCRIPT', width)}${pad('TURNS', 7)}TIME`];
  for (const r of results) {
    lines.push(`${pad(r.passed ? 'PASS' : 'FAIL', 8)}${pad(r.name, width)}${pad(String(r.turns), 7)}${r.ms.toFixed(0)} ms`);
  }
  const failed = results.filter((r) => !r.passed);
  for (const r of failed) {
    lines.push('', `${r.name}:`);
    for (const f of r.failures) lines.push(`  ${r.file}${f.line ? `:${f.line}` : ''}: ${f.message}`);
  }
  lines.push('', `${results.length - failed.length} passed, ${failed.length} failed, ${results.length} total`);
  return lines.join('\n');
}
