import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { HandoffActions } from './handoff-actions.service';
import { HandoffThreads } from './handoff-thread.port';
import { InMemoryHandoffThreads } from './in-memory-handoff-threads';
import { PostHandoffCard } from './post-handoff-card.service';
import { SlackApi } from './slack-api.port';
import { createSlackApi } from './create-slack-api';
import { SlackEventsController } from './slack-events.controller';
import { SlackHandoffDesk } from './slack-handoff.desk';
import { SlackInbox } from './slack-inbox.service';
import { SlackOptions } from './slack-options';
import { SlackSignatureGuard } from './slack-signature.guard';

export interface SlackDrivers {
  /** Where card threads are kept; defaults to a bounded in-memory map (lost on restart). */
  threads?: Type<HandoffThreads>;
}

/**
 * The sales handoff desk in Slack. Global so the engine module can bind HandoffDesk to SlackHandoffDesk
 * and the job worker can run `handoff.request` jobs; ConversationEngine comes from the global engine module.
 */
@Module({})
export class SlackModule {
  static forRoot(options: SlackOptions, drivers: SlackDrivers = {}): DynamicModule {
    return {
      module: SlackModule,
      global: true,
      controllers: [SlackEventsController],
      providers: [
        { provide: SlackOptions, useValue: options },
        { provide: SlackApi, useFactory: () => createSlackApi(options) },
        { provide: HandoffThreads, useClass: drivers.threads ?? InMemoryHandoffThreads },
        { provide: SlackHandoffDesk, inject: [SlackApi, HandoffThreads], useFactory: (api: SlackApi, threads: HandoffThreads) => new SlackHandoffDesk(api, threads) },
        PostHandoffCard,
        HandoffActions,
        SlackInbox,
        SlackSignatureGuard,
      ],
      exports: [PostHandoffCard, SlackHandoffDesk],
    };
  }
}
