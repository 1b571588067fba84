import { percentile } from './metrics';

export interface Latency {
  p50Us: number;
  p99Us: number;
}

const WARM_UP = 200;

/** Per-call wall time of `run` over the texts, after a warm-up pass so that the JIT has settled. */
export function measureLatency(texts: string[], run: (text: string) => unknown): Latency {
  for (const text of texts.slice(0, WARM_UP)) run(text);
  const micros: number[] = [];
  for (const text of texts) {
    const start = process.hrtime.bigint();
    run(text);
    micros.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  micros.sort((a, b) => a - b);

  return { p50Us: round(percentile(micros, 0.5)), p99Us: round(percentile(micros, 0.99)) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
