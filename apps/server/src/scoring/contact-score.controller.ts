import { Controller, Get, Inject, NotFoundException, Param, UseGuards, UseInterceptors } from '@nestjs/common';
import { Clock } from '@parley/engine';
import { blendScore, currentScore, explainScore, lifecycleStage, predict } from '@parley/scoring';
import { z } from 'zod';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { parseInput } from '../admin/parse-input';
import { ApiDoc } from '../admin/api-doc.decorator';
import { contactScoreExample } from './scoring-api-examples';
import { Roles } from '../admin/roles.decorator';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { LeadScoringService } from './lead-scoring.service';

const contactId = z.string().uuid();
const round = (x: number) => Math.round(x * 100) / 100;

/** A contact's score explained: replayed from the ledger with decay at the clock's now. */
@Controller('api/v1/contacts')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class ContactScoreController {
  constructor(
    @Inject(DATABASE) private readonly db: OpenDatabase,
    private readonly scoring: LeadScoringService,
    private readonly clock: Clock,
  ) {}

  @Get(':id/score')
  @ApiDoc({ summary: "A contact's lead score explained: total, per-rule reasons, lifecycle, predicted probability, blended score, ledger", response: contactScoreExample })
  @Roles('admin', 'marketer', 'sales', 'readonly')
  async score(@Param('id') id: string) {
    const contact = await this.db.sql.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [parseInput(contactId, id)]);
    if (!contact) throw new NotFoundException(`no contact ${id}`);
    const now = this.clock.now();
    const rules = this.scoring.setup.rules();
    const ledger = await this.scoring.ledger.ledger(id);
    const total = currentScore(ledger, rules, now);
    const { lifecycle } = await this.scoring.ledger.standing(id, now);
    const model = this.scoring.setup.model;
    const prediction = model ? predict(model, JSON.parse(contact.attributes) as Record<string, unknown>) : undefined;
    return {
      contactId: id,
      at: now.toISOString(),
      total: round(total),
      lifecycle: lifecycle ?? lifecycleStage(total, rules),
      reasons: explainScore(ledger, rules, now, 50),
      predicted: prediction ? { probability: round(prediction.probability * 100) / 100, reasons: prediction.reasons } : null,
      blended: round(blendScore(total, prediction?.probability, rules)),
      rulesVersion: rules.version,
      ledger: ledger.map((e) => ({ ruleId: e.ruleId, points: e.points, reason: e.reason, kind: e.kind, at: e.at.toISOString(), rulesVersion: e.rulesVersion, ...(e.reversal ? { reversal: true } : {}) })),
      segments: await this.scoring.segments.segmentsOf(id),
    };
  }
}
