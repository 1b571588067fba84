import { percentile } from './metrics';

export interface Latency {
  p50Us: number;
  p99Us: number;
  /** p99 of the first pass alone: includes preemption by other processes and GC pauses. */
  p99UsSinglePass: number;
}

const WARM_UP = 200;
const PASSES = 3;

/**
 * Per-call wall time of `run` over the texts, after a warm-up so that the JIT has settled.
 * Each text's time is its fastest of three passes: on a shared machine a call that another
 * process preempted measures the scheduler, not the code, and is unlikely to be preempted thrice.
 */
export function measureLatency(texts: string[], run: (text: string) => unknown): Latency {
  for (const text of texts.slice(0, WARM_UP)) run(text);
  const fastest = new Float64Array(texts.length).fill(Infinity);
  let p99UsSinglePass = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    texts.forEach((text, i) => {
      const start = process.hrtime.bigint();
      run(text);
      fastest[i] = Math.min(fastest[i], Number(process.hrtime.bigint() - start) / 1000);
    });
    if (pass === 0) p99UsSinglePass = round(percentile([...Float64Array.from(fastest).sort()], 0.99));
  }
  const sorted = [...fastest.sort()];

  return { p50Us: round(percentile(sorted, 0.5)), p99Us: round(percentile(sorted, 0.99)), p99UsSinglePass };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
