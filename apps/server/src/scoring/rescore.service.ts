import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@parley/engine';
import { newId } from '@parley/core';
import { LeadScoringService } from './lead-scoring.service';

export interface RescoreRun {
  id: string;
  rulesVersion: number;
  trigger: 'api' | 'reload';
  status: 'running' | 'done' | 'failed' | 'superseded';
  total: number;
  done: number;
  /** Contacts whose score moved. */
  changed: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

const BATCH = 200;
const KEPT_RUNS = 20;

/**
 * Re-scores every contact under the rules in force, in the background: contact by contact, each in its
 * own transaction and in the contact's scoring queue (so a live turn and the re-score never interleave),
 * yielding to the event loop between batches so chat keeps answering. Newer rules supersede a running pass.
 */
@Injectable()
export class RescoreService {
  private readonly runs: RescoreRun[] = [];
  private readonly logger = new Logger('Rescore');

  constructor(
    private readonly scoring: LeadScoringService,
    private readonly clock: Clock,
  ) {}

  start(trigger: RescoreRun['trigger']): RescoreRun {
    for (const run of this.runs) if (run.status === 'running') run.status = 'superseded';
    const run: RescoreRun = { id: newId(), rulesVersion: this.scoring.setup.rules().version, trigger, status: 'running', total: 0, done: 0, changed: 0, startedAt: this.clock.now().toISOString() };
    this.runs.unshift(run);
    this.runs.splice(KEPT_RUNS);
    void this.walk(run);
    return run;
  }

  find(id: string): RescoreRun | undefined {
    return this.runs.find((r) => r.id === id);
  }

  list(): RescoreRun[] {
    return [...this.runs];
  }

  private async walk(run: RescoreRun): Promise<void> {
    try {
      run.total = await this.scoring.ledger.contactCount();
      let after = '';
      while (run.status === 'running') {
        const ids = await this.scoring.ledger.contactIds(after, BATCH);
        if (!ids.length) break;
        for (const id of ids) {
          if (run.status !== 'running') return;
          if (await this.scoring.rescoreContact(id, this.clock.now())) run.changed++;
          run.done++;
        }
        after = ids[ids.length - 1];
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (run.status === 'running') Object.assign(run, { status: 'done', total: Math.max(run.total, run.done), finishedAt: this.clock.now().toISOString() });
      this.logger.log(`rules v${run.rulesVersion}: ${run.done} contacts re-scored, ${run.changed} changed`);
    } catch (error) {
      Object.assign(run, { status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: this.clock.now().toISOString() });
      this.logger.error(`re-score under rules v${run.rulesVersion} failed: ${run.error}`);
    }
  }
}
