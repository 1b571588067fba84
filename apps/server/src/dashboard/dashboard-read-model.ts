import { Inject, Injectable } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { OpenDatabase } from '../database.provider';
import { CONFIG, DATABASE } from '../tokens';
import { loadLeadIndex, type LeadIndex, type LeadThresholds } from './lead-index';

const FRESH_MS = 2000;
const STALE_MS = 60_000;
const REFRESH_DELAY_MS = 250;
const DEFAULT_THRESHOLDS: LeadThresholds = { lead: 10, mql: 50, sql: 80 };

/** The lifecycle thresholds of FLOWS_DIR/scoring.yaml (the defaults when it has none). */
function thresholdsIn(flowsDir: string): LeadThresholds {
  const file = join(flowsDir, 'scoring.yaml');
  if (!existsSync(file)) return DEFAULT_THRESHOLDS;
  try {
    const lifecycle = (parse(readFileSync(file, 'utf8')) as { lifecycle?: Partial<LeadThresholds> } | null)?.lifecycle ?? {};
    const pick = (name: keyof LeadThresholds) => (typeof lifecycle[name] === 'number' ? lifecycle[name] : DEFAULT_THRESHOLDS[name]);
    return { lead: pick('lead'), mql: pick('mql'), sql: pick('sql') };
  } catch {
    return DEFAULT_THRESHOLDS;
  }
}

/** The dashboard's reads: leads and conversations with their score, stage and consent. */
@Injectable()
export class DashboardReadModel {
  private readonly thresholds: LeadThresholds;
  private snapshot?: { at: number; index: LeadIndex };
  private loading?: Promise<LeadIndex>;
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    @Inject(DATABASE) readonly db: OpenDatabase,
    @Inject(CONFIG) config: ParleyConfig,
  ) {
    this.thresholds = thresholdsIn(config.FLOWS_DIR);
  }

  get leadThresholds(): LeadThresholds {
    return this.thresholds;
  }

  /**
   * The leads list and the funnel read one snapshot of every contact. It is shared for FRESH_MS; after that a
   * request still gets it (up to STALE_MS old) while one refresh runs behind it, so a page never waits for a
   * full read of a large database except the first time. Conversations and a lead's own page are read live.
   */
  async index(): Promise<LeadIndex> {
    const age = this.snapshot ? Date.now() - this.snapshot.at : Infinity;
    if (age > STALE_MS) return this.refresh();
    // Answer with the snapshot first; the refresh starts once this response (and the page's others) are on their way.
    if (age > FRESH_MS && !this.refreshTimer) {
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = undefined;
        void this.refresh().catch(() => undefined);
      }, REFRESH_DELAY_MS);
      this.refreshTimer.unref();
    }
    return this.snapshot!.index;
  }

  /** Reads a new snapshot now (a dashboard login: its first leads or funnel page is about to ask). */
  warm(): void {
    void this.refresh().catch(() => undefined);
  }

  private refresh(): Promise<LeadIndex> {
    const started = Date.now();
    this.loading ??= loadLeadIndex(this.db.sql, this.thresholds)
      .then((index) => {
        this.snapshot = { at: started, index };
        return index;
      })
      .finally(() => (this.loading = undefined));
    this.loading.catch(() => undefined); // a background refresh's failure surfaces on the next request that waits
    return this.loading;
  }
}
