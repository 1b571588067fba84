import { Inject, Injectable } from '@nestjs/common';
import { HandoffTimers, type SlaTimer } from '@parley/channels-slack';
import { newId } from '@parley/core';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';

export const HANDOFF_SLA_JOB = 'handoff.sla';

/** SLA timers as `handoff.sla` rows of the job queue: due at runAt, kept across restarts, one per (conversation, round, step). */
@Injectable()
export class SqlHandoffTimers extends HandoffTimers {
  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {
    super();
  }

  async schedule(timer: SlaTimer): Promise<void> {
    const at = new Date().toISOString();
    const payload = { conversationId: timer.conversationId, step: timer.step, round: timer.round };
    await this.db.sql.run(
      `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      [newId(), HANDOFF_SLA_JOB, JSON.stringify(payload), `${HANDOFF_SLA_JOB}:${timer.conversationId}:${timer.round}:${timer.step}`, timer.runAt.toISOString(), at, at],
    );
  }
}
