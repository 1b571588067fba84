import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { verifyTwilioRequest } from '@parley/twilio-webhooks';
import type { FastifyRequest } from 'fastify';
import { SmsOptions } from './sms-options';

/** Lets a Twilio SMS webhook in only when the channel is on and the request carries Twilio's signature. */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioWebhook');

  constructor(private readonly options: SmsOptions) {}

  canActivate(context: ExecutionContext): boolean {
    verifyTwilioRequest(context.switchToHttp().getRequest<FastifyRequest>(), this.options, { id: 'sms', name: 'SMS' }, this.logger);
    return true;
  }
}
