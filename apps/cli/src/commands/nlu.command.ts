import type { Command } from 'commander';
import { evaluateDataset, formatReport, loadNluConfig, NluService, readDataset } from '@parley/nlu';
import { resolve } from 'node:path';

const number = (name: string, min: number, max: number) => (raw: string) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number in ${min}..${max}`);

  return value;
};

interface EvalFlags {
  dataset: string;
  json?: boolean;
  seed: number;
  threshold?: number;
  baseline: boolean;
}

export function registerNluCommands(program: Command): void {
  const nlu = program.command('nlu').description('train and evaluate the intent classifier');
  nlu
    .command('eval')
    .description('train on the train split, choose the threshold on val, report on test (CLINC150 shape)')
    .requiredOption('--dataset <path>', 'JSON with train/val/test (and optional oos_*) lists of [text, intent]')
    .option('--json', 'print one JSON line on stdout')
    .option('--seed <n>', 'training seed', number('seed', 0, 2 ** 32 - 1), 1)
    .option('--threshold <x>', 'fixed confidence threshold instead of the one chosen on val', number('threshold', 0, 1))
    .option('--no-baseline', "skip natural's BayesClassifier baseline")
    .action((flags: EvalFlags) => {
      const report = evaluateDataset(readDataset(resolve(flags.dataset)), {
        seed: flags.seed,
        threshold: flags.threshold,
        baseline: flags.baseline,
        onProgress: (message) => console.error(message),
      });
      console.log(flags.json ? JSON.stringify(report) : formatReport(report));
    });
  nlu
    .command('train')
    .description('train the models of flows/nlu/*.yaml into the model folder (what the server loads on start)')
    .option('--flows <dir>', 'flows folder', 'flows')
    .option('--model-dir <dir>', 'model artefact folder', 'data/nlu')
    .option('--seed <n>', 'training seed', number('seed', 0, 2 ** 32 - 1), 1)
    .action(async (flags: { flows: string; modelDir: string; seed: number }) => {
      const config = loadNluConfig(resolve(flags.flows));
      const started = performance.now();
      const service = await NluService.create({ examples: config.examples, modelDir: resolve(flags.modelDir), seed: flags.seed });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      console.log(`${config.examples.length} examples, languages [${service.languages.join(', ')}] → ${flags.modelDir} in ${seconds} s`);
    });
}
