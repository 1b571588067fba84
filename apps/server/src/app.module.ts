import { Module, type DynamicModule } from '@nestjs/common';
import { WebchatGateway, WebchatOptions, WebchatTransport } from '@parley/channels-webchat';
import type { ParleyConfig } from '@parley/config';
import {
  Clock,
  ConversationEngine,
  ConversationStore,
  FlowCatalog,
  HandoffDesk,
  InboundCompliance,
  LanguageUnderstanding,
  NoHandoffDesk,
  NoInboundCompliance,
  NoLanguageUnderstanding,
  SystemClock,
  TransportRegistry,
} from '@parley/engine';
import { SqlConversationStore } from '@parley/persistence';
import { resolve } from 'node:path';
import { AssetsController } from './assets.controller';
import { DatabaseCloser, databaseProvider, type OpenDatabase } from './database.provider';
import { HealthController } from './health.controller';
import { loadFlowCatalog } from './load-flow-catalog';
import { CONFIG, DATABASE } from './tokens';

/** The composition root: the only place that picks drivers for the engine's ports. */
@Module({})
export class AppModule {
  static forRoot(config: ParleyConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, AssetsController],
      providers: [
        { provide: CONFIG, useValue: config },
        databaseProvider,
        DatabaseCloser,
        { provide: ConversationStore, inject: [DATABASE], useFactory: (db: OpenDatabase) => new SqlConversationStore(db.sql) },
        { provide: FlowCatalog, useFactory: () => loadFlowCatalog(resolve(config.FLOWS_DIR), config.ENTRY_FLOW) },
        { provide: LanguageUnderstanding, useClass: NoLanguageUnderstanding },
        { provide: InboundCompliance, useClass: NoInboundCompliance },
        { provide: HandoffDesk, useClass: NoHandoffDesk },
        { provide: Clock, useClass: SystemClock },
        WebchatTransport,
        {
          provide: WebchatOptions,
          useValue: { floodMessages: config.WEBCHAT_FLOOD_MESSAGES, floodWindowMs: config.WEBCHAT_FLOOD_WINDOW_MS },
        },
        {
          provide: TransportRegistry,
          inject: [WebchatTransport],
          useFactory: (webchat: WebchatTransport) => {
            const registry = new TransportRegistry();
            registry.register(webchat);
            return registry;
          },
        },
        {
          provide: ConversationEngine,
          inject: [ConversationStore, FlowCatalog, LanguageUnderstanding, InboundCompliance, HandoffDesk, TransportRegistry, Clock],
          useFactory: (
            store: ConversationStore,
            catalog: FlowCatalog,
            understanding: LanguageUnderstanding,
            compliance: InboundCompliance,
            handoff: HandoffDesk,
            transports: TransportRegistry,
            clock: Clock,
          ) => new ConversationEngine({ store, catalog, understanding, compliance, handoff, transports, clock }),
        },
        WebchatGateway,
      ],
    };
  }
}
