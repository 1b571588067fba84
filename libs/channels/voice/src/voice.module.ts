import { Module, type DynamicModule } from '@nestjs/common';
import { TransportRegistry } from '@parley/engine';
import { TwilioVoiceController } from './twilio-voice.controller';
import { TwilioVoiceSignatureGuard } from './twilio-voice-signature.guard';
import { VoiceCalls } from './voice-calls.service';
import { VoiceOptions } from './voice-options';
import { VoiceTransport } from './voice.transport';

/** Phone calls on Twilio Voice; ConversationEngine and the engine's ports come from the app's global engine module. */
@Module({})
export class VoiceModule {
  static forRoot(options: VoiceOptions): DynamicModule {
    return {
      module: VoiceModule,
      controllers: [TwilioVoiceController],
      providers: [
        { provide: VoiceOptions, useValue: options },
        {
          provide: VoiceTransport,
          inject: [TransportRegistry],
          useFactory: (registry: TransportRegistry) => {
            const transport = new VoiceTransport();
            registry.register(transport);
            return transport;
          },
        },
        VoiceCalls,
        TwilioVoiceSignatureGuard,
      ],
      exports: [VoiceTransport],
    };
  }
}
