import { ForbiddenException, ServiceUnavailableException, type Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isValidTwilioSignature } from './drivers/twilio-signature';
import { formParams } from './twilio-params';
import { publicUrl, twilioSettingsProblem, type TwilioWebhookSettings } from './twilio-settings';

/**
 * Lets a Twilio webhook in only when the channel is on (503 with the reason otherwise) and the request carries
 * Twilio's signature over the public URL it called, query included (403 otherwise).
 */
export function verifyTwilioRequest(request: FastifyRequest, settings: TwilioWebhookSettings, channel: { id: string; name: string }, logger: Logger): void {
  const problem = twilioSettingsProblem(settings);
  if (problem) throw new ServiceUnavailableException({ error: `${channel.id}_channel_off`, reason: `${channel.name} is off: ${problem}` });
  const header = request.headers['x-twilio-signature'];
  const signature = typeof header === 'string' ? header : undefined;
  // Twilio signs the URL it was given (PUBLIC_BASE_URL), not the one a proxy forwards to us.
  const url = publicUrl(settings, request.url);
  if (!isValidTwilioSignature(settings.authToken!, signature, url, formParams(request.body))) {
    logger.warn(`rejected ${request.method} ${request.url} from ${request.ip}: ${signature ? 'invalid' : 'missing'} X-Twilio-Signature`);
    throw new ForbiddenException({ error: 'invalid_signature', message: 'X-Twilio-Signature does not match this request' });
  }
}
