import { Module, type DynamicModule } from '@nestjs/common';
import { WebchatModule } from '@parley/channels-webchat';
import type { ParleyConfig } from '@parley/config';
import { AssetsController } from './assets.controller';
import { EngineModule } from './engine.module';
import { HealthController } from './health.controller';

/** The composition root: the only place that picks drivers for the engine's ports and the channels. */
@Module({})
export class AppModule {
  static forRoot(config: ParleyConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EngineModule.forRoot(config),
        WebchatModule.forRoot({ floodMessages: config.WEBCHAT_FLOOD_MESSAGES, floodWindowMs: config.WEBCHAT_FLOOD_WINDOW_MS }),
      ],
      controllers: [HealthController, AssetsController],
    };
  }
}
