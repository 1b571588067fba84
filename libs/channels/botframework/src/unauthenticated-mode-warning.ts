import { Logger, type OnModuleInit } from '@nestjs/common';
import { botFrameworkMode, type BotFrameworkOptions } from './botframework-options';

export const UNAUTHENTICATED_WARNING =
  'BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true: /api/messages accepts UNSIGNED activities from anyone. Use it with the local emulator only; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD in production.';

/** Says at boot, as a warning, that the channel takes unsigned traffic (emulator mode). */
export class UnauthenticatedModeWarning implements OnModuleInit {
  constructor(
    private readonly options: BotFrameworkOptions,
    private readonly logger = new Logger('BotFramework'),
  ) {}

  onModuleInit(): void {
    if (botFrameworkMode(this.options) === 'unauthenticated') this.logger.warn(UNAUTHENTICATED_WARNING);
  }
}
