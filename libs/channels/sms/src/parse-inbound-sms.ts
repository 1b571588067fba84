import { BadRequestException } from '@nestjs/common';
import type { InboundMessage } from '@parley/core';
import { param, type TwilioParams } from '@parley/twilio-webhooks';

const MAX_MEDIA = 10;
const WHATSAPP = 'whatsapp:';

/**
 * A verified Messaging webhook as the engine's InboundMessage; MessageSid makes Twilio's retries duplicates.
 * Twilio posts WhatsApp messages to the same webhook with `From=whatsapp:+…`: those are the whatsapp channel, and
 * the address keeps its prefix, which is also what Twilio needs as `To` for the replies.
 */
export function parseInboundSms(params: TwilioParams, receivedAt: Date): InboundMessage {
  const sid = param(params, 'MessageSid') ?? param(params, 'SmsMessageSid') ?? param(params, 'SmsSid');
  const from = param(params, 'From');
  if (!sid || !from) throw new BadRequestException({ error: 'bad_request', message: 'MessageSid and From are required' });
  const media = Array.from({ length: Math.min(Number(param(params, 'NumMedia') ?? 0) || 0, MAX_MEDIA) }, (_, i) => ({
    url: param(params, `MediaUrl${i}`),
    contentType: param(params, `MediaContentType${i}`),
  })).filter((m): m is { url: string; contentType: string | undefined } => Boolean(m.url));
  const metadata: Record<string, unknown> = { to: param(params, 'To') };
  const optOutType = param(params, 'OptOutType');
  if (optOutType) metadata.optOutType = optOutType;
  const country = param(params, 'FromCountry');
  if (country) metadata.fromCountry = country;
  if (media.length) metadata.media = media;
  const attachments = media.map((m) => (m.contentType ? { url: m.url, contentType: m.contentType } : { url: m.url }));
  return {
    channel: from.toLowerCase().startsWith(WHATSAPP) ? 'whatsapp' : 'sms',
    address: from,
    externalId: sid,
    text: param(params, 'Body')?.trim() || undefined,
    ...(attachments.length ? { attachments } : {}),
    receivedAt,
    metadata,
  };
}
