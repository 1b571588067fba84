import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { AuditController } from './audit.controller';
import { ConversationsController } from './conversations.controller';
import { DashboardAssetsController } from './dashboard-assets.controller';
import { DashboardReadModel } from './dashboard-read-model';
import { DashboardSessionController } from './dashboard-session.controller';
import { DashboardGateway } from './dashboard.gateway';
import { FlowsController } from './flows.controller';
import { FunnelController } from './funnel.controller';
import { LeadsController } from './leads.controller';

/** The web dashboard at /dashboard: its page and assets, the session login, its read APIs and its live feed. */
@Module({
  controllers: [DashboardSessionController, ConversationsController, LeadsController, FunnelController, FlowsController, AuditController, DashboardAssetsController],
  providers: [ApiKeyGuard, AuditInterceptor, DashboardReadModel, DashboardGateway],
})
export class DashboardModule {}
