import { percentile } from './metrics';

export interface Latency {
  p50Us: number;
  p99Us: number;
}

const WARM_UP = 200;
const PASSES = 3;

/**
 * Per-call wall time of `run` over the texts after a warm-up pass so that the JIT has settled.
 * Each percentile is the lowest of three passes: on a shared machine, a pass that other processes
 * preempted measures the scheduler, not the code.
 */
export function measureLatency(texts: string[], run: (text: string) => unknown): Latency {
  for (const text of texts.slice(0, WARM_UP)) run(text);
  let best: Latency = { p50Us: Infinity, p99Us: Infinity };
  for (let pass = 0; pass < PASSES; pass++) {
    const micros = new Float64Array(texts.length);
    texts.forEach((text, i) => {
      const start = process.hrtime.bigint();
      run(text);
      micros[i] = Number(process.hrtime.bigint() - start) / 1000;
    });
    const sorted = [...micros.sort()];
    best = { p50Us: Math.min(best.p50Us, round(percentile(sorted, 0.5))), p99Us: Math.min(best.p99Us, round(percentile(sorted, 0.99))) };
  }

  return best;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
