import type { Command } from 'commander';
import { flowFilesIn, formatFlowError, loadFlowFile } from '@parley/flows';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

function flowFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    const full = resolve(p);
    if (!existsSync(full)) throw new Error(`no such file or folder: ${p}`);
    return statSync(full).isDirectory() ? flowFilesIn(full) : [full];
  });
}

export function registerFlowsCommands(program: Command): void {
  const flows = program.command('flows').description('author and check conversation flows');
  flows
    .command('validate')
    .description('validate flow files (default: ./flows); prints file:line:col errors and exits 1 on any')
    .argument('[paths...]', 'flow files or folders', ['flows'])
    .action((paths: string[]) => {
      let failed = 0;
      for (const file of flowFiles(paths)) {
        const loaded = loadFlowFile(file);
        if (loaded.ok) {
          console.log(`ok   ${file} (${loaded.flow.id}@${loaded.version}, ${Object.keys(loaded.flow.nodes).length} nodes)`);
        } else {
          failed++;
          loaded.errors.forEach((e) => console.error(formatFlowError(e)));
        }
      }
      if (failed) {
        console.error(`${failed} flow file(s) invalid`);
        process.exitCode = 1;
      }
    });
}
