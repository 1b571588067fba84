import { Module } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { AudienceSource, CampaignSender, CampaignStore, Clock, ConversationEngine, ConversationStore, SendPacers, TransportRegistry } from '@parley/engine';
import { SqlAudienceSource, SqlCampaignStore } from '@parley/persistence';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import type { OpenDatabase } from '../database.provider';
import { CONFIG, DATABASE } from '../tokens';
import { CampaignJobHandler } from './campaign-job.handler';
import { CampaignsController } from './campaigns.controller';

/** SMS campaigns: the admin API and the job handler that sends them through the engine's outbound gate. */
@Module({
  controllers: [CampaignsController],
  providers: [
    { provide: CampaignStore, inject: [DATABASE], useFactory: (db: OpenDatabase) => new SqlCampaignStore(db.sql) },
    { provide: AudienceSource, inject: [DATABASE], useFactory: (db: OpenDatabase) => new SqlAudienceSource(db.sql) },
    {
      provide: CampaignSender,
      inject: [CONFIG, CampaignStore, ConversationStore, TransportRegistry, ConversationEngine, Clock],
      useFactory: (config: ParleyConfig, store: CampaignStore, conversations: ConversationStore, transports: TransportRegistry, engine: ConversationEngine, clock: Clock) =>
        new CampaignSender({
          store,
          consentOf: (contactId) => conversations.consentEvents(contactId),
          transports,
          exclusive: (channel, address, work) => engine.exclusive(channel, address, work),
          clock,
          pacers: new SendPacers(),
          sender: config.TWILIO_FROM ?? 'sms',
          defaultTimeZone: config.DEFAULT_TIME_ZONE,
          // A slice hands over well inside the job's lease (a live run is never taken for a crashed one), and soon:
          // the worker claims its next batch only when the current one is done, so other jobs wait at most a slice.
          sliceMs: Math.min(Math.floor(config.JOBS_LEASE_MS / 3), 5_000),
          leaseMs: config.JOBS_LEASE_MS,
        }),
    },
    CampaignJobHandler,
    ApiKeyGuard,
    AuditInterceptor,
  ],
  exports: [CampaignJobHandler],
})
export class CampaignsModule {}
