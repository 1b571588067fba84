/** A sliding-window limit of messages per visitor (across all of the visitor's sockets). */
export class FloodGuard {
  private readonly recent = new Map<string, number[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), windowMs * 6);
    this.sweeper.unref();
  }

  allow(key: string): boolean {
    const now = this.now();
    const times = this.recent.get(key) ?? [];
    while (times.length && now - times[0] >= this.windowMs) times.shift();
    if (times.length >= this.limit) return false;
    times.push(now);
    this.recent.set(key, times);
    return true;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, times] of this.recent) {
      if (!times.length || now - times[times.length - 1] >= this.windowMs) this.recent.delete(key);
    }
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
