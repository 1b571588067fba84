import { Module, type DynamicModule } from '@nestjs/common';
import { HandoffActions } from './handoff-actions.service';
import { HandoffThreads } from './handoff-thread.port';
import { InMemoryHandoffThreads } from './in-memory-handoff-threads';
import { PostHandoffCard } from './post-handoff-card.service';
import { SlackApi } from './slack-api.port';
import { UnconfiguredSlackApi, type SlackDesk } from './slack-desk';
import { SlackEventsController } from './slack-events.controller';
import { SlackInbox } from './slack-inbox.service';
import { slackProblem, SlackOptions } from './slack-options';
import { SlackSignatureGuard } from './slack-signature.guard';

/**
 * The sales handoff desk in Slack. Global so the job worker can run `handoff.request` jobs with
 * PostHandoffCard; ConversationEngine comes from the app's global engine module.
 */
@Module({})
export class SlackModule {
  static forRoot(options: SlackOptions, desk: SlackDesk | undefined): DynamicModule {
    return {
      module: SlackModule,
      global: true,
      controllers: [SlackEventsController],
      providers: [
        { provide: SlackOptions, useValue: options },
        { provide: SlackApi, useValue: desk?.api ?? new UnconfiguredSlackApi(slackProblem(options) ?? 'Slack is off') },
        { provide: HandoffThreads, useValue: desk?.threads ?? new InMemoryHandoffThreads() },
        PostHandoffCard,
        HandoffActions,
        SlackInbox,
        SlackSignatureGuard,
      ],
      exports: [PostHandoffCard],
    };
  }
}
