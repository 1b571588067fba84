import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { deserialiseModel, parseScoringRules, type LeadModel, type ScoringRules, type SegmentDefinition } from '@parley/scoring';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG } from '../tokens';

/** Without a rules file nobody earns points and nothing happens on SQL; segments still work. */
const NO_RULES: ScoringRules = {
  version: 0,
  decay: {},
  caps: [],
  lifecycle: { lead: 10, mql: 50, sql: 80, demote: false, onSql: { handoff: false, queue: 'sales', handoffAfter: 0, crm: false } },
  blend: { model: 0, scale: 100 },
  rules: [],
};

/**
 * The scoring rules (FLOWS_DIR/scoring.yaml, validated at boot: a bad file stops the server), the
 * trained model if `parley scoring train` wrote one to DATA_DIR/scoring/model.json, and the cached
 * segment definitions that every score job re-checks.
 */
@Injectable()
export class ScoringSetup {
  private current: ScoringRules;
  /** The rules file's text as last loaded or written (what GET /api/v1/scoring/rules shows). */
  private text = '';
  private cachedSegments: readonly SegmentDefinition[] = [];
  readonly model: LeadModel | undefined;
  readonly rulesFile: string;

  constructor(@Inject(CONFIG) config: ParleyConfig) {
    this.rulesFile = join(config.FLOWS_DIR, 'scoring.yaml');
    this.current = this.readFile() ?? NO_RULES;
    if (!existsSync(this.rulesFile)) new Logger('Scoring').warn(`no ${this.rulesFile}: no score rules (segments still work)`);
    const modelFile = join(config.DATA_DIR, 'scoring', 'model.json');
    this.model = existsSync(modelFile) ? deserialiseModel(readFileSync(modelFile, 'utf8')) : undefined;
    if (this.model) new Logger('Scoring').log(`predictive model loaded from ${modelFile}`);
  }

  rules(): ScoringRules {
    return this.current;
  }

  source(): string {
    return this.text;
  }

  /** Re-reads the rules file (throws ScoringRulesError on a bad one, keeping the rules in force). */
  reload(): ScoringRules {
    this.current = this.readFile() ?? this.current;
    return this.current;
  }

  /** Validated rules from the API: written to the file (atomically) and put in force. */
  write(text: string, rules: ScoringRules): void {
    const temporary = `${this.rulesFile}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, this.rulesFile);
    this.text = text;
    this.current = rules;
  }

  private readFile(): ScoringRules | undefined {
    if (!existsSync(this.rulesFile)) return undefined;
    const text = readFileSync(this.rulesFile, 'utf8');
    const rules = parseScoringRules(text, this.rulesFile);
    this.text = text;
    return rules;
  }

  segments(): readonly SegmentDefinition[] {
    return this.cachedSegments;
  }

  replaceSegments(segments: readonly SegmentDefinition[]): void {
    this.cachedSegments = segments;
  }
}
