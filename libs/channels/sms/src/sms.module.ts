import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TransportRegistry } from '@parley/engine';
import { DeliveryReceipts } from './delivery-receipts.port';
import { createTwilioClient } from './drivers/twilio-client';
import { TwilioSmsSender } from './drivers/twilio-sms.sender';
import { InMemoryDeliveryReceipts } from './in-memory-delivery-receipts';
import { SmsInbox } from './sms-inbox.service';
import { smsChannelProblem, SmsOptions, statusCallbackUrl } from './sms-options';
import { SmsSender } from './sms-sender.port';
import { SmsTransport } from './sms.transport';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioSmsController } from './twilio-sms.controller';
import { TwilioStatusController } from './twilio-status.controller';
import { UnconfiguredSmsSender } from './unconfigured-sms.sender';

export interface SmsDrivers {
  /** Where delivery receipts are stored; defaults to a bounded in-memory log. */
  deliveryReceipts?: Type<DeliveryReceipts>;
}

function createSender(options: SmsOptions): SmsSender {
  const problem = smsChannelProblem(options) ?? (options.from ? undefined : 'missing TWILIO_FROM');
  if (problem) return new UnconfiguredSmsSender(problem);
  return new TwilioSmsSender(createTwilioClient(options.accountSid!, options.authToken!, options.apiUrl), options.from!);
}

/** The SMS channel on Twilio; ConversationEngine and TransportRegistry come from the app's global engine module. */
@Module({})
export class SmsModule {
  static forRoot(options: SmsOptions, drivers: SmsDrivers = {}): DynamicModule {
    return {
      module: SmsModule,
      controllers: [TwilioSmsController, TwilioStatusController],
      providers: [
        { provide: SmsOptions, useValue: options },
        { provide: DeliveryReceipts, useClass: drivers.deliveryReceipts ?? InMemoryDeliveryReceipts },
        { provide: SmsSender, useFactory: () => createSender(options) },
        {
          provide: SmsTransport,
          inject: [TransportRegistry, SmsSender, DeliveryReceipts],
          useFactory: (registry: TransportRegistry, sender: SmsSender, receipts: DeliveryReceipts) => {
            const transport = new SmsTransport(sender, receipts, {
              statusCallbackUrl: (id) => statusCallbackUrl(options, id),
              retryDelaysMs: options.retryDelaysMs,
            });
            registry.register(transport);
            return transport;
          },
        },
        SmsInbox,
        TwilioSignatureGuard,
      ],
      exports: [SmsTransport, DeliveryReceipts],
    };
  }
}
