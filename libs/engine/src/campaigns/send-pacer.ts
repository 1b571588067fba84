export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Spaces sends from one sender (a number, a short code, a messaging service) at most `ratePerSecond` apart.
 * Every campaign using the sender shares its pacer, so two campaigns together stay within the sender's rate.
 */
export class SendPacer {
  private nextSlot = 0;

  constructor(private readonly clock: PacerClock = realClock) {}

  /** Resolves when the next send may go out. */
  async wait(ratePerSecond: number): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / ratePerSecond;
    if (slot > now) await this.clock.sleep(slot - now);
  }
}

/** One pacer per sender, for the life of the process. */
export class SendPacers {
  private readonly bySender = new Map<string, SendPacer>();

  constructor(private readonly clock?: PacerClock) {}

  for(sender: string): SendPacer {
    let pacer = this.bySender.get(sender);
    if (!pacer) this.bySender.set(sender, (pacer = new SendPacer(this.clock)));
    return pacer;
  }
}
