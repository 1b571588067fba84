import { Inject, Injectable } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { OpenDatabase } from '../database.provider';
import { CONFIG, DATABASE } from '../tokens';
import { loadLeadIndex, type LeadIndex, type LeadThresholds } from './lead-index';

const INDEX_TTL_MS = 2000;
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
  private cached?: { at: number; loading: Promise<LeadIndex> };

  constructor(
    @Inject(DATABASE) readonly db: OpenDatabase,
    @Inject(CONFIG) config: ParleyConfig,
  ) {
    this.thresholds = thresholdsIn(config.FLOWS_DIR);
  }

  /** Shared by the requests of one page load (a list, its counts, the funnel) instead of read once per request. */
  index(): Promise<LeadIndex> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > INDEX_TTL_MS) {
      const loading = loadLeadIndex(this.db.sql, this.thresholds);
      this.cached = { at: now, loading };
      loading.catch(() => (this.cached = undefined));
    }
    return this.cached.loading;
  }
}
