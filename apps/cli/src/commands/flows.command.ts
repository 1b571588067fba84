import type { Command } from 'commander';
import {
  diffFlows,
  flowFilesIn,
  formatFlowChange,
  formatFlowError,
  loadFlowFiles,
  parseFlow,
  type LoadedFlow,
} from '@parley/flows';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
// The engine does not export its transcripts folder yet; the relative path goes once `@parley/engine` does.
import { formatTranscriptResults, runTranscriptFiles, transcriptFilesIn } from '@parley/engine';

function flowFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    const full = resolve(p);
    if (!existsSync(full)) throw new Error(`no such file or folder: ${p}`);
    return statSync(full).isDirectory() ? flowFilesIn(full) : [full];
  });
}

/** Flows are checked together with their neighbours, so a `goto` to another flow of the folder resolves. */
function validate(paths: string[]): void {
  const targets = flowFiles(paths);
  const neighbours = [...new Set(targets.map(dirname))].flatMap(flowFilesIn);
  const all = [...new Set([...neighbours, ...targets])];
  let failed = 0;
  for (const loaded of loadFlowFiles(all).filter((l) => targets.includes(l.file))) {
    const shown = relative(process.cwd(), loaded.file);
    if (loaded.ok) {
      console.log(`ok   ${shown} (${loaded.flow.id}@${loaded.version}, schema ${loaded.sourceSchema}, ${Object.keys(loaded.flow.nodes).length} nodes)`);
    } else {
      failed++;
      loaded.errors.forEach((e) => console.error(formatFlowError({ ...e, file: relative(process.cwd(), e.file) })));
    }
  }
  if (failed) {
    console.error(`${failed} flow file(s) invalid`);
    process.exitCode = 1;
  }
}

function committedSource(file: string): string {
  const path = `./${relative(dirname(file), file)}`;
  return execFileSync('git', ['show', `HEAD:${path}`], { cwd: dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function readable(loaded: LoadedFlow, label: string): loaded is Extract<LoadedFlow, { ok: true }> {
  if (loaded.ok) return true;
  console.error(`${label} is not a valid flow:`);
  loaded.errors.forEach((e) => console.error(`  ${formatFlowError(e)}`));
  process.exitCode = 1;
  return false;
}

function diff(oldPath: string, newPath?: string): void {
  const after = resolve(newPath ?? oldPath);
  const beforeSource = newPath ? readFileSync(resolve(oldPath), 'utf8') : committedSource(after);
  const before = parseFlow(beforeSource, newPath ? oldPath : `HEAD:${oldPath}`);
  const current = parseFlow(readFileSync(after, 'utf8'), newPath ?? oldPath);
  if (!readable(before, newPath ? oldPath : `HEAD:${oldPath}`) || !readable(current, newPath ?? oldPath)) return;
  console.log(`${current.flow.id}: ${before.version} → ${current.version}`);
  const changes = diffFlows(before.flow, current.flow);
  if (!changes.length) console.log('no changes in meaning');
  changes.forEach((c) => console.log(formatFlowChange(c)));
}

async function test(files: string[], options: { flows: string }): Promise<void> {
  const flowsDir = resolve(options.flows);
  const suite = await runTranscriptFiles(flowsDir, files.length ? files.map((f) => resolve(f)) : transcriptFilesIn(resolve(flowsDir, 'tests')));
  suite.flowErrors.forEach((e) => console.error(e));
  const results = suite.results.map((r) => ({ ...r, file: relative(process.cwd(), r.file) }));
  console.log(results.length ? formatTranscriptResults(results) : 'no transcripts found');
  if (suite.flowErrors.length || results.some((r) => !r.passed)) process.exitCode = 1;
}

export function registerFlowsCommands(program: Command): void {
  const flows = program.command('flows').description('author and check conversation flows');
  flows
    .command('validate')
    .description('validate flow files (default: ./flows); prints file:line:col errors and exits 1 on any')
    .argument('[paths...]', 'flow files or folders', ['flows'])
    .action(validate);
  flows
    .command('diff')
    .description('what changed between two versions of a flow; with one file, between HEAD and the working copy')
    .argument('<old>', 'the older flow file (or the file to compare with HEAD)')
    .argument('[new]', 'the newer flow file')
    .action(diff);
  flows
    .command('test')
    .description('run transcript tests (default: ./flows/tests/*.yaml) against the engine in memory; exits 1 on any failure')
    .argument('[files...]', 'transcript files')
    .option('--flows <dir>', 'folder of the flows under test', 'flows')
    .action(test);
}
