import { Global, Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import type { OutboundMessage } from '@parley/core';
import type { ParleyConfig } from '@parley/config';
import {
  Clock,
  ConversationEngine,
  ConversationStore,
  FlowCatalog,
  HandoffDesk,
  InMemoryFlowCatalog,
  InboundCompliance,
  LanguageUnderstanding,
  LeadStanding,
  NoHandoffDesk,
  SystemClock,
  TransportRegistry,
  loadTriggers,
} from '@parley/engine';
import { join } from 'node:path';
import { ComplianceScreen } from './compliance/compliance-screen';
import { ConversationFeed } from './dashboard/conversation-feed';
import { PublishedConversationStore } from './dashboard/published-conversation-store';
import { DatabaseCloser, databaseProvider, type OpenDatabase } from './database.provider';
import { FlowLibrary } from './flow-library';
import { RetrainableUnderstanding, nluProvider } from './nlu.provider';
import { LeadScoringService } from './scoring/lead-scoring.service';
import { ScoringSetup } from './scoring/scoring-setup';
import { CONFIG, DATABASE } from './tokens';
import { ShutdownState } from './shutdown/shutdown-state';

const ENGINE_PORTS = [ConversationStore, FlowCatalog, LanguageUnderstanding, InboundCompliance, HandoffDesk, TransportRegistry, Clock];

/** The engine and the drivers chosen for its ports, available to every channel module. */
@Global()
@Module({})
export class EngineModule {
  /** `clock` replaces the system clock (in-process tests that move time: SLA timers, delays). */
  static forRoot(config: ParleyConfig, handoff: Type<HandoffDesk> = NoHandoffDesk, clock?: Clock): DynamicModule {
    return {
      module: EngineModule,
      providers: [
        { provide: CONFIG, useValue: config },
        databaseProvider,
        DatabaseCloser,
        ShutdownState,
        { provide: ConversationFeed, useValue: new ConversationFeed({ localOnly: !config.REDIS_URL }) },
        {
          provide: ConversationStore,
          inject: [DATABASE, ConversationFeed],
          useFactory: (db: OpenDatabase, feed: ConversationFeed) => new PublishedConversationStore(db.sql, feed),
        },
        { provide: FlowCatalog, useValue: new InMemoryFlowCatalog(config.ENTRY_FLOW) },
        FlowLibrary,
        nluProvider,
        { provide: LanguageUnderstanding, useExisting: RetrainableUnderstanding },
        {
          provide: InboundCompliance,
          useValue: new ComplianceScreen({ name: config.MESSAGING_PROGRAM_NAME, helpContact: config.MESSAGING_HELP_CONTACT }),
        },
        // A desk from a channel module (Slack) is bound by class: it lives in that global module.
        handoff === NoHandoffDesk ? { provide: HandoffDesk, useClass: NoHandoffDesk } : { provide: HandoffDesk, useExisting: handoff },
        clock ? { provide: Clock, useValue: clock } : { provide: Clock, useClass: SystemClock },
        { provide: TransportRegistry, useValue: new TransportRegistry() },
        ScoringSetup,
        LeadScoringService,
        { provide: LeadStanding, useExisting: LeadScoringService },
        {
          provide: ConversationEngine,
          inject: [...ENGINE_PORTS, LeadStanding],
          useFactory: (
            store: ConversationStore,
            catalog: FlowCatalog,
            understanding: LanguageUnderstanding,
            compliance: InboundCompliance,
            handoff: HandoffDesk,
            transports: TransportRegistry,
            clock: Clock,
            standing: LeadStanding,
          ) => {
            const logger = new Logger('Engine');
            const onDeliveryError = (error: unknown, message: OutboundMessage) =>
              logger.warn(`could not deliver message ${message.id} on ${message.channel}: ${error instanceof Error ? error.message : error}`);
            const triggers = loadTriggers(join(config.FLOWS_DIR, 'triggers.yaml'));
            const onScoringError = (error: unknown) => logger.warn(`scoring after a turn failed (the job worker retries it): ${error instanceof Error ? error.message : error}`);
            return new ConversationEngine({ store, catalog, understanding, compliance, handoff, transports, clock, onDeliveryError, triggers, standing, onScoringError });
          },
        },
      ],
      exports: [CONFIG, DATABASE, ShutdownState, ConversationEngine, ConversationFeed, FlowLibrary, RetrainableUnderstanding, ScoringSetup, LeadScoringService, LeadStanding, ...ENGINE_PORTS],
    };
  }
}
