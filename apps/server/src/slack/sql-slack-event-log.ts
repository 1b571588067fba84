import { Inject, Injectable } from '@nestjs/common';
import { SlackEventLog } from '@parley/channels-slack';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';

/** Slack retries for about an hour at most; a day of ids is plenty. */
const KEEP_MS = 24 * 60 * 60_000;
const PRUNE_EVERY = 500;

/** Event ids in the database: one instance takes an event, every retry of it on any instance is dropped. */
@Injectable()
export class SqlSlackEventLog extends SlackEventLog {
  private inserts = 0;

  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {
    super();
  }

  async firstSeen(eventId: string): Promise<boolean> {
    const now = new Date();
    const added = await this.db.sql.run('INSERT INTO slack_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING', [eventId, now.toISOString()]);
    if (++this.inserts % PRUNE_EVERY === 0) await this.db.sql.run('DELETE FROM slack_events WHERE seen_at < ?', [new Date(now.getTime() - KEEP_MS).toISOString()]);
    return added > 0;
  }
}
