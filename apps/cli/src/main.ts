import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

type Register = (program: Command) => void;

/** Every `commands/*.command.js` exports one `register…Commands(program)`; new command groups need no edit here. */
function registerAll(program: Command): void {
  const dir = join(__dirname, 'commands');
  for (const file of readdirSync(dir).filter((f) => /\.command\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- command modules are discovered at run time
    const module = require(join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'function' && /^register\w*Commands$/.test(value.name)) (value as Register)(program);
    }
  }
}

export function buildProgram(): Command {
  const program = new Command('parley')
    .description('Parley: self-hosted conversational marketing — flows, NLU, campaigns, API keys')
    .showHelpAfterError()
    .exitOverride((error) => process.exit(error.exitCode));
  registerAll(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
