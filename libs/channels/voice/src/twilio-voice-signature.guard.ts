import { ForbiddenException, Injectable, Logger, ServiceUnavailableException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isValidTwilioSignature } from './drivers/twilio-signature';
import { formParams } from './twilio-params';
import { publicUrl, voiceChannelProblem, VoiceOptions } from './voice-options';

/** Lets a Twilio Voice webhook in only when the channel is on and the request carries Twilio's signature. */
@Injectable()
export class TwilioVoiceSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioVoiceWebhook');

  constructor(private readonly options: VoiceOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const problem = voiceChannelProblem(this.options);
    if (problem) throw new ServiceUnavailableException({ error: 'voice_channel_off', reason: `Voice is off: ${problem}` });
    const header = request.headers['x-twilio-signature'];
    const signature = typeof header === 'string' ? header : undefined;
    // Twilio signs the URL it was given (PUBLIC_BASE_URL plus the turn in the query), not the one a proxy forwards to us.
    const url = publicUrl(this.options, request.url);
    if (!isValidTwilioSignature(this.options.authToken!, signature, url, formParams(request.body))) {
      this.logger.warn(`rejected ${request.method} ${request.url} from ${request.ip}: ${signature ? 'invalid' : 'missing'} X-Twilio-Signature`);
      throw new ForbiddenException({ error: 'invalid_signature', message: 'X-Twilio-Signature does not match this request' });
    }
    return true;
  }
}
