import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { ContactScoreController } from './contact-score.controller';
import { SegmentsController } from './segments.controller';

/** Admin API of lead scoring and segments (the scoring service itself lives in the engine module). */
@Module({
  controllers: [ContactScoreController, SegmentsController],
  providers: [ApiKeyGuard, AuditInterceptor],
})
export class ScoringModule {}
