import { Body, Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { DeliveryReceipts } from './delivery-receipts.port';
import { parseStatusCallback } from './parse-status-callback';
import { formParams } from '@parley/twilio-webhooks';
import { TwilioSignatureGuard } from './twilio-signature.guard';

@Controller('webhooks/twilio')
@UseGuards(TwilioSignatureGuard)
export class TwilioStatusController {
  constructor(private readonly receipts: DeliveryReceipts) {}

  @Post('status')
  @HttpCode(204)
  async status(@Body() body: unknown, @Query('messageId') messageId: unknown): Promise<void> {
    const receipt = parseStatusCallback(formParams(body), messageId, new Date());
    if (receipt) await this.receipts.record(receipt);
  }
}
