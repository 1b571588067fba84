import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { KeyedQueue } from '@parley/engine';

const DRAIN_MS = 10_000;

/**
 * Work that runs after Slack's request was acknowledged (Slack wants an answer within 3 s and
 * retries otherwise). Shutdown waits for it, within bounds, before the database closes.
 */
@Injectable()
export class SlackWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger('SlackWork');
  private readonly pending = new Set<Promise<void>>();
  /** Work of one key (a card's thread) runs in arrival order: a rep's two quick replies reach the customer in order. */
  private readonly queue = new KeyedQueue();

  later(key: string, label: string, work: () => Promise<unknown>): void {
    const run: Promise<void> = this.queue
      .run(key, work)
      .then(
        () => undefined,
        (error: unknown) => this.logger.warn(`${label} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  async beforeApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_MS)));
    await Promise.race([Promise.allSettled([...this.pending]), bound]);
    clearTimeout(timer);
  }
}
