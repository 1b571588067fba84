import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { ContactScoreController } from './contact-score.controller';
import { RescoreService } from './rescore.service';
import { ScoringRulesController } from './scoring-rules.controller';
import { SegmentsController } from './segments.controller';

/** Admin API of lead scoring and segments (the scoring service itself lives in the engine module). */
@Module({
  controllers: [ContactScoreController, SegmentsController, ScoringRulesController],
  providers: [ApiKeyGuard, AuditInterceptor, RescoreService],
})
export class ScoringModule {}
