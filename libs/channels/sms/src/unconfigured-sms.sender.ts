import { SmsSendError, SmsSender, type SentSms } from './sms-sender.port';

/** The channel is off: every send fails with the reason, so nothing is silently dropped or faked. */
export class UnconfiguredSmsSender extends SmsSender {
  constructor(private readonly reason: string) {
    super();
  }

  async send(): Promise<SentSms> {
    throw new SmsSendError(`SMS is off: ${this.reason}`, { retryable: false });
  }
}
