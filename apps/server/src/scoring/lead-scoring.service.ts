import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock, KeyedQueue, LeadStanding, SCORE_JOB_TYPES, type ContactStanding, type OutboxJobDraft } from '@parley/engine';
import { PermanentJobError, type JobHandler, type OutboxJob } from '@parley/followup';
import { SqlScoreLedger, SqlSegments, type AppliedScore, type ScoreApplication } from '@parley/persistence';
import type { ScoreTrigger } from '@parley/scoring';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { jobsOnTransition } from './lifecycle-jobs';
import { ScoringSetup } from './scoring-setup';

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** How often members of time-dependent segments are re-checked (a behaviour window closing, a decaying score). */
const SWEEP_EVERY_MS = 5 * 60_000;

/** A score job's payload as the triggers it stands for. */
export function applicationOf(job: { type: string; payload: Record<string, unknown>; idempotencyKey: string }, at: Date): ScoreApplication | undefined {
  const p = job.payload;
  const contactId = text(p.contactId);
  if (!contactId) return undefined;
  let triggers: ScoreTrigger[];
  if (job.type === 'score.event') {
    const name = text(p.event);
    if (!name) return undefined;
    const properties = p.properties && typeof p.properties === 'object' ? (p.properties as Record<string, unknown>) : undefined;
    triggers = [{ kind: 'event', name, ...(properties ? { properties } : {}), ...(typeof p.points === 'number' ? { points: p.points } : {}) }];
  } else {
    triggers = Array.isArray(p.triggers) ? (p.triggers as ScoreTrigger[]).filter((t) => t && typeof t === 'object' && typeof t.kind === 'string') : [];
  }
  return {
    sourceKey: job.idempotencyKey,
    contactId,
    conversationId: text(p.conversationId),
    channel: text(p.channel),
    triggers,
    changedAttributes: strings(p.attributes),
    message: p.message === true,
    at,
  };
}

/**
 * Lead scoring for the engine and the job worker: applies score jobs (one contact at a time in this
 * process; the ledger's unique (contact, seq) refuses a second writer elsewhere) and reads the
 * standing a flow sees.
 */
@Injectable()
export class LeadScoringService extends LeadStanding implements JobHandler, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly types = SCORE_JOB_TYPES;
  readonly ledger: SqlScoreLedger;
  readonly segments: SqlSegments;
  private readonly queue = new KeyedQueue();
  private readonly logger = new Logger('Scoring');
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    @Inject(DATABASE) db: OpenDatabase,
    readonly setup: ScoringSetup,
    private readonly clock: Clock,
  ) {
    super();
    this.ledger = new SqlScoreLedger(db.sql, { rules: () => setup.rules(), segments: () => setup.segments(), jobsOnTransition: (t, a) => jobsOnTransition(setup.rules(), t, a) });
    this.segments = new SqlSegments(db.sql);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reloadSegments();
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweepTimer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.sweeping;
  }

  /** Drops members whose time-dependent segment no longer holds for them; one sweep at a time. */
  sweep(): Promise<void> {
    this.sweeping ??= this.segments
      .sweep(this.setup.segments(), this.setup.rules(), this.clock.now())
      .then((left) => void (left && this.logger.log(`segment sweep: ${left} memberships ended with time`)))
      .catch((error: unknown) => this.logger.warn(`segment sweep failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  async reloadSegments(): Promise<void> {
    this.setup.replaceSegments(await this.segments.definitions());
  }

  async standing(contactId: string, at: Date): Promise<ContactStanding> {
    const [segments, { score }] = await Promise.all([this.segments.segmentsOf(contactId), this.ledger.standing(contactId, at)]);
    return { segments, ...(score !== undefined ? { score } : {}) };
  }

  async applyNow(jobs: readonly OutboxJobDraft[]): Promise<void> {
    for (const job of jobs) {
      const application = applicationOf(job, job.runAt);
      if (application) await this.apply(application);
    }
  }

  apply(application: ScoreApplication): Promise<AppliedScore> {
    return this.queue.run(application.contactId, async () => {
      const outcome = await this.ledger.apply(application);
      if (outcome.transition) this.logger.log(`contact ${application.contactId}: ${outcome.transition.from} -> ${outcome.transition.to}`);
      return outcome;
    });
  }

  /** One contact brought to the rules in force, in its queue; true when its score moved. */
  rescoreContact(contactId: string, at: Date): Promise<boolean> {
    return this.queue.run(contactId, () => this.ledger.rescore(contactId, at));
  }

  unavailable(): string | undefined {
    return undefined;
  }

  async handle(job: OutboxJob): Promise<void> {
    const application = applicationOf(job, job.runAt);
    if (!application) throw new PermanentJobError(`${job.type} ${job.id} has a malformed payload`);
    await this.apply(application);
  }
}
