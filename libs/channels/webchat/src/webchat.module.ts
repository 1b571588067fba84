import { Module, type DynamicModule } from '@nestjs/common';
import { TransportRegistry } from '@parley/engine';
import { WebchatOptions } from './webchat-protocol';
import { WebchatGateway } from './webchat.gateway';
import { WebchatTransport } from './webchat.transport';

/** The web chat channel; ConversationEngine and TransportRegistry come from the app's global engine module. */
@Module({})
export class WebchatModule {
  static forRoot(options: WebchatOptions): DynamicModule {
    return {
      module: WebchatModule,
      providers: [
        { provide: WebchatOptions, useValue: options },
        {
          provide: WebchatTransport,
          inject: [TransportRegistry],
          useFactory: (registry: TransportRegistry) => {
            const transport = new WebchatTransport();
            registry.register(transport);
            return transport;
          },
        },
        WebchatGateway,
      ],
      exports: [WebchatTransport],
    };
  }
}
