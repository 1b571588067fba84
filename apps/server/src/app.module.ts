import { Module, type DynamicModule } from '@nestjs/common';
import { BotFrameworkModule } from '@parley/channels-botframework';
import { SlackHandoffDesk, SlackModule, slackProblem } from '@parley/channels-slack';
import type { Clock } from '@parley/engine';
import { SmsModule } from '@parley/channels-sms';
import { AlexaModule, VoiceModule, type AlexaCertificateSource } from '@parley/channels-voice';
import { WebchatModule } from '@parley/channels-webchat';
import type { ParleyConfig } from '@parley/config';
import { AdminModule } from './admin/admin.module';
import { AssetsController } from './assets.controller';
import { SqlConversationReferences } from './botframework/sql-conversation-references';
import { DashboardModule } from './dashboard/dashboard.module';
import { EngineModule } from './engine.module';
import { FollowupModule } from './followup/followup.module';
import { RetentionModule } from './retention/retention.module';
import { ScoringModule } from './scoring/scoring.module';
import { HealthController } from './health.controller';
import { slackOptionsOf } from './slack/slack-options-of';
import { SqlHandoffThreads } from './slack/sql-handoff-threads';
import { SqlHandoffTimers } from './slack/sql-handoff-timers';
import { SqlLeadDirectory } from './slack/sql-lead-directory';
import { SqlSlackEventLog } from './slack/sql-slack-event-log';
import { SqlDeliveryReceipts } from './sms/sql-delivery-receipts';

/** Drivers a caller may pick instead of the defaults (the in-process e2e tests): Amazon's certificates, a clock moved by hand. */
export interface AppDrivers {
  alexaCertificates?: AlexaCertificateSource;
  clock?: Clock;
}

/** The composition root: the only place that picks drivers for the engine's ports and the channels. */
@Module({})
export class AppModule {
  static forRoot(config: ParleyConfig, drivers: AppDrivers = {}): DynamicModule {
    const slackOptions = slackOptionsOf(config);
    return {
      module: AppModule,
      imports: [
        EngineModule.forRoot(config, slackProblem(slackOptions) ? undefined : SlackHandoffDesk, drivers.clock),
        WebchatModule.forRoot({ floodMessages: config.WEBCHAT_FLOOD_MESSAGES, floodWindowMs: config.WEBCHAT_FLOOD_WINDOW_MS }),
        SmsModule.forRoot({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          from: config.TWILIO_FROM,
          apiUrl: config.TWILIO_API_URL,
          publicBaseUrl: config.PUBLIC_BASE_URL,
        }, { deliveryReceipts: SqlDeliveryReceipts }),
        VoiceModule.forRoot({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          publicBaseUrl: config.PUBLIC_BASE_URL,
          salesNumber: config.VOICE_SALES_NUMBER,
        }),
        AlexaModule.forRoot({ skillId: config.ALEXA_SKILL_ID }, { certificates: drivers.alexaCertificates }),
        BotFrameworkModule.forRoot(
          {
            appId: config.MICROSOFT_APP_ID,
            appPassword: config.MICROSOFT_APP_PASSWORD,
            tenantId: config.MICROSOFT_APP_TENANT_ID,
            allowUnauthenticated: config.BOTFRAMEWORK_ALLOW_UNAUTHENTICATED,
            openIdMetadataUrl: config.BOTFRAMEWORK_OPENID_METADATA_URL,
          },
          { references: SqlConversationReferences },
        ),
        SlackModule.forRoot(slackOptions, { threads: SqlHandoffThreads, timers: SqlHandoffTimers, directory: SqlLeadDirectory, events: SqlSlackEventLog }),
        AdminModule,
        DashboardModule,
        FollowupModule,
        RetentionModule,
        ScoringModule,
      ],
      controllers: [HealthController, AssetsController],
    };
  }
}
