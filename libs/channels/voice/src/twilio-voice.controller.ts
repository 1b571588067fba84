import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { parseVoiceWebhook } from './parse-voice-webhook';
import { formParams } from '@parley/twilio-webhooks';
import { TwilioVoiceSignatureGuard } from './twilio-voice-signature.guard';
import { VoiceCalls } from './voice-calls.service';

@Controller('webhooks/twilio')
@UseGuards(TwilioVoiceSignatureGuard)
export class TwilioVoiceController {
  constructor(private readonly calls: VoiceCalls) {}

  /** The call's webhook and every Gather's action: answered with the TwiML that speaks the turn's replies. */
  @Post('voice')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  inbound(@Body() body: unknown, @Query() query: Record<string, unknown>): Promise<string> {
    return this.calls.answer(parseVoiceWebhook(formParams(body), query ?? {}, new Date()));
  }
}
