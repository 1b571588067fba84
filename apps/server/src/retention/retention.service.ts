import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { expireConversations } from '@parley/persistence';
import type { OpenDatabase } from '../database.provider';
import { CONFIG, DATABASE } from '../tokens';

const DAY_MS = 86_400_000;

/** With RETENTION_DAYS set, expires old conversations at start and then daily; `parley retention run` does it on demand. */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(CONFIG) private readonly config: ParleyConfig,
    @Inject(DATABASE) private readonly db: OpenDatabase,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.RETENTION_DAYS === undefined) return;
    this.running = this.run(this.config.RETENTION_DAYS);
    this.timer = setInterval(() => (this.running = this.run(this.config.RETENTION_DAYS!)), DAY_MS).unref();
  }

  // The database closes on shutdown: a run still going must finish first.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async run(days: number): Promise<void> {
    try {
      const result = await expireConversations(this.db.sql, days, new Date());
      if (result.messages) this.logger.log(`expired ${result.messages} messages of conversations idle since before ${result.cutoff}`);
    } catch (error) {
      this.logger.error(`retention run failed: ${String(error)}`);
    }
  }
}
