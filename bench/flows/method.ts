/** How the flows benchmark measures, for its section of BENCHMARKS.md. */
export const METHOD = [
  '`npm run build && node dist/bench/flows/run.js --write` (options: `--seconds 3 --rounds 15 --flows ./flows`).',
  '',
  'Method (`bench/flows/run.ts`): the flow runner alone, `step(state, input, ctx) -> {state, actions}`, a pure',
  'function: no store, no NLU, no transport, no I/O inside the timed loop (the flows are read and validated',
  'before it). Each iteration replays a whole conversation of `bench/flows/scenarios.ts`, from the greeting',
  '(`start`) through every visitor message, applying `set` actions to the contact as the engine does; one',
  'step is one call of `step`. The lead-qualification scenarios include a bad email with its re-prompt, a',
  'button payload, numbers picked by range and the restart after the end; the B2B scenarios add BANT choice',
  'and yes/no questions, score events, a CRM follow-up, a handoff, segment variants and a global `pricing`',
  'interruption. The **baseline** is a two-node flow (an ask and a say in a loop), measured in the same run,',
  'so the ratio shows what the real flows cost beyond the runner\'s fixed cost per step. Rounds alternate',
  'between the three flows, so a busy moment of the (shared) machine hits all of them alike; each figure is the',
  'median of its rounds, after a warm-up of 2,000 conversations per flow.',
].join('\n');
