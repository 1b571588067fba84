import type { Command } from 'commander';
import {
  DEFAULT_AUDIT_OPTIONS,
  describeDataset,
  deserialiseModel,
  evaluateSplit,
  evaluationJson,
  fairnessAudit,
  formatAudit,
  formatEvaluation,
  isEventRule,
  loadScoringRules,
  modelCoefficients,
  parseCsvTable,
  predictProbabilities,
  prepareDataset,
  rowFromRecord,
  serialiseModel,
  trainModel,
  type AuditRow,
  type CsvTable,
  type PreparedDataset,
} from '@parley/scoring';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

const number = (name: string, min: number, max: number) => (raw: string) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number in ${min}..${max}`);

  return value;
};

/** `--exclude A,B --exclude C` → [A, B, C]. */
const list = (raw: string, previous: string[] = []) => [...previous, ...raw.split(',').map((c) => c.trim()).filter(Boolean)];

interface DataFlags {
  csv: string;
  target: string;
  positive?: string;
  exclude: string[];
  seed: number;
}

const readTable = (path: string): CsvTable => parseCsvTable(readFileSync(resolve(path), 'utf8'));
const progress = (message: string) => console.error(message);

function readDataset(flags: DataFlags): PreparedDataset {
  const data = prepareDataset(readTable(flags.csv), { target: flags.target, positive: flags.positive, exclude: flags.exclude });
  describeDataset(data, basename(flags.csv)).forEach((line) => progress(line));

  return data;
}

function dataOptions(command: Command): Command {
  return command
    .requiredOption('--csv <file>', 'CSV with a header row (comma, semicolon or tab separated)')
    .requiredOption('--target <column>', 'the outcome column')
    .option('--positive <value>', 'target value that counts as converted (default 1/true/yes, else the rarer value)')
    .option('--exclude <columns>', 'columns to leave out: identifiers and anything filled in after the outcome', list, [])
    .option('--seed <n>', 'seed of the split, the folds and the trees', number('seed', 0, 2 ** 32 - 1), 1);
}

function evaluate(flags: DataFlags & { json?: boolean; baseline: boolean }): void {
  const report = evaluateSplit(readDataset(flags), { seed: flags.seed, baseline: flags.baseline, clock: () => performance.now(), onProgress: progress });
  if (!flags.json) return void console.log(formatEvaluation(report, flags.seed));
  if (report.baseline) progress(`baseline (plain one-hot LR): ${JSON.stringify(report.baseline)}`);
  console.log(evaluationJson(report));
}

function train(flags: DataFlags & { out: string }): void {
  const data = readDataset(flags);
  console.log(formatEvaluation(evaluateSplit(data, { seed: flags.seed, baseline: false, clock: () => performance.now(), onProgress: progress }), flags.seed));
  progress('refitting on every row');
  const { model } = trainModel(data, { seed: flags.seed }, progress);
  mkdirSync(dirname(resolve(flags.out)), { recursive: true });
  writeFileSync(resolve(flags.out), serialiseModel(model));
  console.log(`\nlargest logistic-regression coefficients (log-odds; the blend weighs them by ${model.stack.linear.toFixed(2)}):`);
  modelCoefficients(model, 15).forEach((c) => console.log(`  ${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)}  ${c.feature}`));
  console.log(`\nmodel written to ${flags.out}`);
}

interface AuditFlags {
  csv: string;
  groups: string[];
  model?: string;
  scoreColumn?: string;
  threshold: number;
  ratio: number;
  minGroup: number;
  target?: string;
  positive?: string;
  json?: boolean;
}

function audit(flags: AuditFlags): void {
  if (!flags.model === !flags.scoreColumn) throw new Error('give exactly one of --model and --score-column');
  const table = readTable(flags.csv);
  const records = table.rows.map((row) => Object.fromEntries(table.header.map((name, c) => [name, row[c]])));
  const model = flags.model ? deserialiseModel(readFileSync(resolve(flags.model), 'utf8')) : undefined;
  const scores = model ? Array.from(predictProbabilities(model, records.map((r) => rowFromRecord(model, r)))) : records.map((r) => Number(r[flags.scoreColumn!]));
  const target = flags.target ?? model?.target;
  const positive = flags.positive ?? model?.positive ?? '1';
  const missing = flags.groups.filter((g) => !table.header.includes(g));
  missing.forEach((g) => progress(`no column "${g}" in ${basename(flags.csv)}: skipped`));
  const groups = flags.groups.filter((g) => !missing.includes(g));
  if (!groups.length) throw new Error('none of the --groups columns is in the CSV');
  const rows: AuditRow[] = records.map((attributes, i) => ({
    attributes,
    score: scores[i],
    qualified: scores[i] >= flags.threshold,
    ...(target && attributes[target] !== undefined ? { outcome: attributes[target] === positive } : {}),
  }));
  const options = { ...DEFAULT_AUDIT_OPTIONS, ratio: flags.ratio, minGroupSize: flags.minGroup };
  const audits = fairnessAudit(rows, groups, options);
  console.log(flags.json ? JSON.stringify(audits) : formatAudit(audits, options));
  if (audits.some((a) => a.flagged.length)) process.exitCode = 2;
}

function checkRules(file: string): void {
  const rules = loadScoringRules(resolve(file));
  const events = rules.rules.filter(isEventRule).length;
  const { lead, mql, sql, customer } = rules.lifecycle;
  console.log(
    `ok   ${file} (version ${rules.version}, ${rules.rules.length} rules: ${events} event, ${rules.rules.length - events} attribute; ` +
      `lead ≥ ${lead}, mql ≥ ${mql}, sql ≥ ${sql}${customer === undefined ? '' : `, customer ≥ ${customer}`})`,
  );
}

export function registerScoringCommands(program: Command): void {
  const scoring = program.command('scoring').description('lead-scoring rules, predictive model and fairness audit');
  dataOptions(scoring.command('eval'))
    .description('train on a seeded stratified 80/20 split of a CSV and report AUC, log-loss and accuracy on the 20 %')
    .option('--json', 'print one JSON line {auc, logLoss, accuracy, trainSeconds, nTrain, nTest} on stdout')
    .option('--no-baseline', 'skip the plain one-hot logistic regression baseline')
    .action(evaluate);
  dataOptions(scoring.command('train'))
    .description('report on a held-out 20 % (with calibration), then fit on every row and write the model')
    .option('--out <file>', 'where to write the model', 'data/scoring/model.json')
    .action(train);
  scoring
    .command('audit')
    .description('qualification rate and mean score per group of each named column; flags groups below the four-fifths rule')
    .requiredOption('--csv <file>', 'the leads to audit')
    .requiredOption('--groups <columns>', 'protected or proxy columns: country, gender, age…', list)
    .option('--model <file>', 'score every row with this model (from `scoring train`)')
    .option('--score-column <column>', 'or take each row’s score from this column')
    .option('--threshold <x>', 'a row is qualified when its score is at least this', Number, 0.5)
    .option('--ratio <x>', 'flag groups whose qualification rate is below this share of the best group’s', number('ratio', 0, 1), 0.8)
    .option('--min-group <n>', 'smaller groups are shown but not judged', number('min-group', 1, 1e9), DEFAULT_AUDIT_OPTIONS.minGroupSize)
    .option('--target <column>', 'outcome column, to show each group’s actual conversion rate (default: the model’s)')
    .option('--positive <value>', 'outcome value that counts as converted')
    .option('--json', 'print the audit as one JSON line')
    .action(audit);
  scoring
    .command('rules')
    .description('validate a scoring rules file')
    .argument('[file]', 'rules file', 'flows/scoring.yaml')
    .action(checkRules);
}
