import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { HandoffActions } from './handoff-actions.service';
import { HandoffCardFactory } from './handoff-card.factory';
import { HandoffSla } from './handoff-sla.service';
import { HandoffThreads } from './handoff-thread.port';
import { HandoffTimers, NoHandoffTimers } from './handoff-timers.port';
import { InMemoryHandoffThreads } from './in-memory-handoff-threads';
import { LeadDirectory, NoLeadDirectory } from './lead-directory.port';
import { PostHandoffCard } from './post-handoff-card.service';
import { SlackApi } from './slack-api.port';
import { createSlackApi } from './create-slack-api';
import { InMemorySlackEventLog, SlackEventLog } from './slack-event-log.port';
import { SlackEventsController } from './slack-events.controller';
import { SlackHandoffDesk } from './slack-handoff.desk';
import { SlackInbox } from './slack-inbox.service';
import { SlackOptions } from './slack-options';
import { SlackSignatureGuard } from './slack-signature.guard';
import { SlackWork } from './slack-work';
import { SlaSchedule } from './sla-schedule';
import { SlashCommands } from './slash-command.service';

export interface SlackDrivers {
  /** Where card threads are kept; defaults to a bounded in-memory map (lost on restart). */
  threads?: Type<HandoffThreads>;
  /** Where SLA timers are kept (stored jobs); defaults to none (no SLA). */
  timers?: Type<HandoffTimers>;
  /** Score reasons, segments and look-ups by email or phone; defaults to none. */
  directory?: Type<LeadDirectory>;
  /** Event ids already taken (retry dedupe); defaults to a bounded per-process set. */
  events?: Type<SlackEventLog>;
}

/**
 * The sales handoff desk in Slack. Global so the engine module can bind HandoffDesk to SlackHandoffDesk
 * and the job worker can run `handoff.*` jobs; ConversationEngine and Clock come from the global engine module.
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
        { provide: HandoffTimers, useClass: drivers.timers ?? NoHandoffTimers },
        { provide: LeadDirectory, useClass: drivers.directory ?? NoLeadDirectory },
        { provide: SlackEventLog, useClass: drivers.events ?? InMemorySlackEventLog },
        { provide: SlackHandoffDesk, inject: [SlackApi, HandoffThreads], useFactory: (api: SlackApi, threads: HandoffThreads) => new SlackHandoffDesk(api, threads) },
        HandoffCardFactory,
        SlaSchedule,
        PostHandoffCard,
        HandoffActions,
        HandoffSla,
        SlashCommands,
        SlackWork,
        SlackInbox,
        SlackSignatureGuard,
      ],
      exports: [PostHandoffCard, HandoffSla, SlackHandoffDesk, HandoffThreads],
    };
  }
}
