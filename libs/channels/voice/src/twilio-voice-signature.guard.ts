import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { verifyTwilioRequest } from '@parley/twilio-webhooks';
import type { FastifyRequest } from 'fastify';
import { VoiceOptions } from './voice-options';

/** Lets a Twilio Voice webhook in only when the channel is on and the request carries Twilio's signature (query included). */
@Injectable()
export class TwilioVoiceSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioVoiceWebhook');

  constructor(private readonly options: VoiceOptions) {}

  canActivate(context: ExecutionContext): boolean {
    verifyTwilioRequest(context.switchToHttp().getRequest<FastifyRequest>(), this.options, { id: 'voice', name: 'Voice' }, this.logger);
    return true;
  }
}
