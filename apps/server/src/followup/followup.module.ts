import { Module } from '@nestjs/common';
import { JobStore } from '@parley/followup';
import { SqlJobStore } from '@parley/persistence';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import type { OpenDatabase } from '../database.provider';
import { EmailModule } from '../email/email.module';
import { DATABASE } from '../tokens';
import { JobWorkerService } from './job-worker.service';
import { JobsController } from './jobs.controller';

/** Follow-up side effects: the outbox worker (db driver) and the jobs admin API. */
@Module({
  imports: [EmailModule],
  controllers: [JobsController],
  providers: [
    { provide: JobStore, inject: [DATABASE], useFactory: (db: OpenDatabase): JobStore => new SqlJobStore(db.sql) },
    JobWorkerService,
    ApiKeyGuard,
    AuditInterceptor,
  ],
})
export class FollowupModule {}
