import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs the built `parley` command as a user would, with the given environment; returns stdout. */
export function parley(args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, [join(__dirname, '../../bin/parley.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
