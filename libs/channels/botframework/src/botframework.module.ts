import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TransportRegistry } from '@parley/engine';
import { BotConnector } from './bot-connector.port';
import { BotMessagesController } from './bot-messages.controller';
import { BotFrameworkInbox } from './botframework-inbox.service';
import { BotFrameworkOptions } from './botframework-options';
import { BotFrameworkTransport } from './botframework.transport';
import { ConversationReferences } from './conversation-references.port';
import { CloudAdapterConnector } from './drivers/cloud-adapter.connector';
import { InMemoryConversationReferences } from './in-memory-conversation-references';
import { UnauthenticatedModeWarning } from './unauthenticated-mode-warning';

export interface BotFrameworkDrivers {
  /** Where conversation references are kept; defaults to a bounded in-memory map. */
  references?: Type<ConversationReferences>;
  /** The Bot Framework service; defaults to botbuilder's CloudAdapter. */
  connector?: (options: BotFrameworkOptions) => BotConnector;
}

/** Bot Framework channels (Teams, Web Chat, the emulator…) on /api/messages; the engine comes from the app's global engine module. */
@Module({})
export class BotFrameworkModule {
  static forRoot(options: BotFrameworkOptions, drivers: BotFrameworkDrivers = {}): DynamicModule {
    return {
      module: BotFrameworkModule,
      controllers: [BotMessagesController],
      providers: [
        { provide: BotFrameworkOptions, useValue: options },
        { provide: ConversationReferences, useClass: drivers.references ?? InMemoryConversationReferences },
        { provide: BotConnector, useFactory: () => (drivers.connector ?? ((o) => new CloudAdapterConnector(o)))(options) },
        {
          provide: BotFrameworkTransport,
          inject: [TransportRegistry, BotConnector, ConversationReferences],
          useFactory: (registry: TransportRegistry, connector: BotConnector, references: ConversationReferences) => {
            const transport = new BotFrameworkTransport(connector, references);
            registry.register(transport);
            return transport;
          },
        },
        { provide: UnauthenticatedModeWarning, inject: [BotFrameworkOptions], useFactory: (o: BotFrameworkOptions) => new UnauthenticatedModeWarning(o) },
        BotFrameworkInbox,
      ],
      exports: [BotFrameworkTransport, ConversationReferences],
    };
  }
}
