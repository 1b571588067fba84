import { Module, type DynamicModule } from '@nestjs/common';
import { TransportRegistry } from '@parley/engine';
import { AlexaCertificateSource } from './alexa-certificate-source.port';
import { AlexaCertificates } from './alexa-certificates';
import { AlexaOptions } from './alexa-options';
import { AlexaRequestGuard } from './alexa-request.guard';
import { AlexaSkill } from './alexa-skill.service';
import { AlexaController } from './alexa.controller';
import { AlexaTransport } from './alexa.transport';
import { HttpsAlexaCertificateSource } from './drivers/https-alexa-certificate-source';

export interface AlexaDrivers {
  /** Where signing chains come from and which roots they must lead to; defaults to Amazon's S3 and the system CA store. */
  certificates?: AlexaCertificateSource;
}

/** The Alexa custom skill endpoint; ConversationEngine and the engine's ports come from the app's global engine module. */
@Module({})
export class AlexaModule {
  static forRoot(options: AlexaOptions, drivers: AlexaDrivers = {}): DynamicModule {
    return {
      module: AlexaModule,
      controllers: [AlexaController],
      providers: [
        { provide: AlexaOptions, useValue: options },
        { provide: AlexaCertificates, useValue: new AlexaCertificates(drivers.certificates ?? new HttpsAlexaCertificateSource()) },
        {
          provide: AlexaTransport,
          inject: [TransportRegistry],
          useFactory: (registry: TransportRegistry) => {
            const transport = new AlexaTransport();
            registry.register(transport);
            return transport;
          },
        },
        AlexaSkill,
        AlexaRequestGuard,
      ],
      exports: [AlexaTransport],
    };
  }
}
