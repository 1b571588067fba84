import { Module } from '@nestjs/common';
import { CrmLeads, JobStore, QueueOutbox } from '@parley/followup';
import { SqlCrmLeads, SqlJobStore, SqlQueueOutbox } from '@parley/persistence';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import type { OpenDatabase } from '../database.provider';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { EmailModule } from '../email/email.module';
import { DATABASE } from '../tokens';
import { JobWorkerService } from './job-worker.service';
import { JobsController } from './jobs.controller';

/** Follow-up side effects: the outbox worker (db or bullmq driver) and the jobs admin API. */
@Module({
  imports: [EmailModule, CampaignsModule],
  controllers: [JobsController],
  providers: [
    { provide: JobStore, inject: [DATABASE], useFactory: (db: OpenDatabase): JobStore => new SqlJobStore(db.sql) },
    { provide: QueueOutbox, inject: [DATABASE], useFactory: (db: OpenDatabase): QueueOutbox => new SqlQueueOutbox(db.sql) },
    { provide: CrmLeads, inject: [DATABASE], useFactory: (db: OpenDatabase): CrmLeads => new SqlCrmLeads(db.sql) },
    JobWorkerService,
    ApiKeyGuard,
    AuditInterceptor,
  ],
})
export class FollowupModule {}
