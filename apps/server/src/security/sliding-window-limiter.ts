export interface LimitVerdict {
  allowed: boolean;
  /** Whole seconds until a request would be allowed again; 0 when allowed. */
  retryAfterSeconds: number;
}

interface Counter {
  window: number;
  current: number;
  previous: number;
}

/**
 * Sliding-window counter per key: the previous fixed window's count weighted by how much of it still overlaps
 * the sliding window, plus the current one. O(1) memory per key, unlike a log of timestamps.
 */
export class SlidingWindowLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  hit(key: string, now = Date.now()): LimitVerdict {
    const window = Math.floor(now / this.windowMs);
    const counter = this.advance(this.counters.get(key), window);
    const elapsed = (now % this.windowMs) / this.windowMs;
    const weighted = counter.previous * (1 - elapsed) + counter.current;
    if (weighted + 1 > this.limit) {
      this.store(key, counter);
      return { allowed: false, retryAfterSeconds: this.retryAfter(counter, elapsed) };
    }
    counter.current += 1;
    this.store(key, counter);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private advance(counter: Counter | undefined, window: number): Counter {
    if (!counter || counter.window < window - 1) return { window, current: 0, previous: 0 };
    if (counter.window === window - 1) return { window, current: 0, previous: counter.current };
    return counter;
  }

  /** Seconds until the weighted count leaves room for one more request (maybe only in the next window). */
  private retryAfter(counter: Counter, elapsed: number): number {
    const room = this.limit - 1 - counter.current;
    const at =
      room >= 0 && counter.previous > 0
        ? 1 - room / counter.previous
        : 1 + Math.max(0, 1 - (this.limit - 1) / Math.max(1, counter.current));
    return Math.max(1, Math.ceil(((at - elapsed) * this.windowMs) / 1000));
  }

  private store(key: string, counter: Counter): void {
    this.counters.delete(key);
    // Oldest-touched keys go first: a flood of distinct keys cannot grow memory without bound.
    if (this.counters.size >= this.maxKeys) this.counters.delete(this.counters.keys().next().value!);
    this.counters.set(key, counter);
  }
}
