import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInboundSms } from './parse-inbound-sms';
import { SmsInbox } from './sms-inbox.service';
import { formParams } from '@parley/twilio-webhooks';
import { TwilioSignatureGuard } from './twilio-signature.guard';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

@Controller('webhooks/twilio')
@UseGuards(TwilioSignatureGuard)
export class TwilioSmsController {
  constructor(private readonly inbox: SmsInbox) {}

  /**
   * Always answers empty TwiML once the message is stored; replies go out through the REST API
   * (SmsTransport), like every other reply of the engine. So each reply gets a MessageSid and
   * delivery receipts, long texts can be split, slow turns never hit Twilio's 15 s webhook
   * timeout, and a retried webhook is answered the same way without a second reply.
   * The XML content type is set only on success: set up front, it made fastify fail to send a 400's JSON (a 500).
   */
  @Post('sms')
  @HttpCode(200)
  async inbound(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    await this.inbox.receive(parseInboundSms(formParams(body), new Date()));
    reply.type('text/xml; charset=utf-8');
    return EMPTY_TWIML;
  }
}
