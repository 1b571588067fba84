import { NOTHING_UNDERSTOOD } from '@parley/core';
import { flowFilesIn, loadFlowFiles, parseFlow, step, type FlowRef, type FlowState, type StepInput } from '@parley/flows';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { METHOD } from './method';
import { BASELINE_FLOW, SCENARIOS, type Scenario } from './scenarios';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const fromDist = resolve(__dirname, '../../..');
const root = existsSync(join(fromDist, 'flows')) ? fromDist : process.cwd();
const FLOWS_DIR = arg('flows', join(root, 'flows'));
const SECONDS = Number(arg('seconds', '3'));
const ROUNDS = Number(arg('rounds', '15'));
const NOW = new Date('2025-01-04T12:00:00Z');

const inputsOf = new Map<Scenario, StepInput[]>();

/** The scenario's inputs, built once: the timed loop measures the runner, not the harness. */
function inputs(scenario: Scenario): StepInput[] {
  let built = inputsOf.get(scenario);
  if (!built) {
    built = [
      { kind: 'start' },
      ...scenario.turns.map((turn): StepInput => ({ kind: 'message', ...(typeof turn === 'string' ? { text: turn } : turn), understanding: NOTHING_UNDERSTOOD })),
    ];
    inputsOf.set(scenario, built);
  }
  return built;
}

/** Plays one conversation through `step` alone, applying `set` actions as the engine does; returns the steps taken. */
function play(release: FlowRef, scenario: Scenario): number {
  const attributes: Record<string, unknown> = { ...scenario.attributes };
  const context = { flow: release.flow, flowVersion: release.version, channel: 'webchat' as const, segments: scenario.segments ?? [], now: NOW, contactId: 'bench' };
  let state: FlowState | null = null;
  const steps = inputs(scenario);
  for (const input of steps) {
    const result = step(state, input, { ...context, attributes });
    state = result.state;
    for (const action of result.actions) if (action.type === 'set') Object.assign(attributes, action.attributes);
  }
  return steps.length;
}

interface Subject {
  name: string;
  release: FlowRef;
  scenarios: Scenario[];
  rates: number[];
}

/** Steps per second of one short round. */
function round(subject: Subject, nanos: bigint): number {
  let steps = 0;
  const started = process.hrtime.bigint();
  let now = started;
  for (let i = 0; now - started < nanos; i++) {
    steps += play(subject.release, subject.scenarios[i % subject.scenarios.length]);
    if (i % 64 === 0) now = process.hrtime.bigint();
  }
  return steps / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Rounds alternate between the flows, so a busy moment of the machine hits them all alike; the median wins. */
function measure(subjects: Subject[]): { stepsPerSecond: number; usPerStep: number }[] {
  for (const subject of subjects) for (let warm = 0; warm < 2000; warm++) play(subject.release, subject.scenarios[warm % subject.scenarios.length]);
  const nanos = BigInt(Math.round((SECONDS * 1e9) / ROUNDS));
  for (let r = 0; r < ROUNDS; r++) for (const subject of subjects) subject.rates.push(round(subject, nanos));
  return subjects.map(({ rates }) => {
    const stepsPerSecond = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)];
    return { stepsPerSecond, usPerStep: 1e6 / stepsPerSecond };
  });
}

function writeSection(markdown: string): void {
  const file = join(root, 'BENCHMARKS.md');
  const heading = '## Flows (issue 3)';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(heading);
  const end = start < 0 ? -1 : current.indexOf('\n## ', start + heading.length);
  const before = start < 0 ? `${current.trimEnd()}\n\n` : current.slice(0, start);
  const after = end < 0 ? '' : current.slice(end + 1);
  writeFileSync(file, `${before}${markdown.trimEnd()}\n${after ? `\n${after}` : ''}`);
}

function main(): void {
  const loaded = loadFlowFiles(flowFilesIn(FLOWS_DIR));
  const releases = new Map(loaded.flatMap((l) => (l.ok ? [[l.flow.id, { flow: l.flow, version: l.version }] as const] : [])));
  const baseline = parseFlow(BASELINE_FLOW, 'baseline.flow.yaml');
  if (!baseline.ok) throw new Error('the baseline flow is invalid');
  const subjects: Subject[] = [
    { name: 'baseline (ask ↔ say, 2 nodes)', release: baseline, scenarios: [{ flow: 'baseline', turns: ['a', 'b', 'c', 'd'] }], rates: [] },
  ];
  for (const id of ['lead-qualification', 'b2b-lead-qualification']) {
    const release = releases.get(id);
    if (!release) throw new Error(`flow ${id} is not loaded from ${FLOWS_DIR}`);
    subjects.push({ name: `${id} (${Object.keys(release.flow.nodes).length} nodes)`, release, scenarios: SCENARIOS.filter((s) => s.flow === id), rates: [] });
  }
  const rows = measure(subjects).map((result, i) => [subjects[i].name, result] as const);
  const base = rows[0][1].stepsPerSecond;
  const table = [
    '| flow | steps/s | µs/step | vs baseline |',
    '|---|---:|---:|---:|',
    ...rows.map(([name, r]) => `| ${name} | ${Math.round(r.stepsPerSecond).toLocaleString('en-US')} | ${r.usPerStep.toFixed(1)} | ${(r.stepsPerSecond / base).toFixed(2)}× |`),
  ].join('\n');
  console.log(table);
  if (process.argv.includes('--write')) {
    const machine = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node.js ${process.version}`;
    writeSection(`## Flows (issue 3)\n\n${METHOD}\n\nLatest run (${new Date().toISOString().slice(0, 10)}, ${machine}, ${SECONDS} s per flow in ${ROUNDS} alternating rounds, median):\n\n${table}\n`);
  }
}

main();
