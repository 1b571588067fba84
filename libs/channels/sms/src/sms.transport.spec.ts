import { Logger } from '@nestjs/common';
import type { OutboundMessage } from '@parley/core';
import type { DeliveryReceipt } from './delivery-receipts.port';
import { InMemoryDeliveryReceipts } from './in-memory-delivery-receipts';
import { SmsSendError, SmsSender, type SentSms, type SmsDraft } from './sms-sender.port';
import { SmsTransport } from './sms.transport';

class ScriptedSender extends SmsSender {
  readonly sent: SmsDraft[] = [];
  readonly failures: SmsSendError[] = [];

  async send(draft: SmsDraft): Promise<SentSms> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(draft);
    return { providerMessageId: `SM${this.sent.length}`, status: 'queued', segments: 1 };
  }
}

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'm1',
  conversationId: 'c1',
  channel: 'sms',
  address: '+15551230000',
  from: 'bot',
  text: 'How many people work at your company?',
  quickReplies: [
    { title: 'Small', payload: 'smb' },
    { title: 'Large', payload: 'enterprise' },
  ],
  kind: 'conversational',
  at: new Date(),
  ...over,
});

describe('SmsTransport', () => {
  let sender: ScriptedSender;
  let receipts: InMemoryDeliveryReceipts;
  let sut: SmsTransport;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    sender = new ScriptedSender();
    receipts = new InMemoryDeliveryReceipts();
    sut = new SmsTransport(sender, receipts, { statusCallbackUrl: (id) => `https://p.example/webhooks/twilio/status?messageId=${id}`, retryDelaysMs: [0, 0] });
  });

  it('sends the rendered text to the address as given, with a status callback naming the message', async () => {
    await sut.deliver(message({ address: 'whatsapp:+15551230000' }));
    expect(sender.sent).toEqual([
      { to: 'whatsapp:+15551230000', body: 'How many people work at your company?\n1) Small\n2) Large', statusCallback: 'https://p.example/webhooks/twilio/status?messageId=m1' },
    ]);
    expect(receipts.latest('m1')).toMatchObject({ providerMessageId: 'SM1', status: 'queued', optedOut: false });
    expect(receipts.latest('m1')?.smsSegments).toBe(1);
  });

  it('sends WhatsApp as one message with its image, and the approved template when the gate chose it', async () => {
    const long = Array.from({ length: 20 }, (_, i) => `Sentence ${i} with “quotes” and 🛒.`).join(' ');
    const template = { contentSid: `HX${'1'.repeat(32)}`, variables: { '1': 'Leo' } };
    const whatsapp = { channel: 'whatsapp' as const, address: 'whatsapp:+15551230000', quickReplies: undefined };
    await sut.deliver(message({ ...whatsapp, text: long, media: { kind: 'image', url: 'https://shop.example/cart.png' } }));
    await sut.deliver(message({ ...whatsapp, id: 'm2', text: 'Your cart is saved', template, sendAsTemplate: true }));
    expect(sender.sent).toEqual([
      { to: 'whatsapp:+15551230000', body: long, mediaUrl: ['https://shop.example/cart.png'], statusCallback: 'https://p.example/webhooks/twilio/status?messageId=m1' },
      { to: 'whatsapp:+15551230000', contentSid: template.contentSid, contentVariables: '{"1":"Leo"}', statusCallback: 'https://p.example/webhooks/twilio/status?messageId=m2' },
    ]);
    expect(receipts.latest('m1')?.smsSegments).toBeUndefined(); // WhatsApp is not billed by segment
  });

  it('sends a long text as several parts, in order', async () => {
    const text = Array.from({ length: 20 }, (_, i) => `This is sentence ${i} of a long explanation.`).join(' ');
    const recorded: DeliveryReceipt[] = [];
    sut = new SmsTransport(sender, { record: async (r: DeliveryReceipt) => void recorded.push(r) }, { retryDelaysMs: [0, 0] });
    await sut.deliver(message({ text, quickReplies: undefined }));
    expect(sender.sent.length).toBeGreaterThan(1);
    expect(sender.sent.map((d) => d.body).join(' ')).toBe(text);
    // Every part reports the segments it took; GSM-7 parts of at most 153 characters are one each.
    expect(recorded.map((r) => r.smsSegments)).toEqual(sender.sent.map((d) => Math.ceil(d.body!.length / 153)));
  });

  it('retries transient failures and then succeeds', async () => {
    sender.failures.push(new SmsSendError('busy', { httpStatus: 429, retryable: true }), new SmsSendError('down', { httpStatus: 503, retryable: true }));
    await sut.deliver(message());
    expect(sender.sent).toHaveLength(1);
  });

  it('gives up after the last retry and records the failure', async () => {
    for (let i = 0; i < 3; i++) sender.failures.push(new SmsSendError('down', { httpStatus: 500, code: 20500, retryable: true }));
    await expect(sut.deliver(message())).rejects.toThrow('down');
    expect(receipts.latest('m1')).toMatchObject({ status: 'failed', errorCode: '20500', optedOut: false });
  });

  it('never retries a refusal, and marks error 21610 as an opt-out', async () => {
    sender.failures.push(new SmsSendError('unsubscribed', { httpStatus: 400, code: 21610, retryable: false }));
    await expect(sut.deliver(message())).rejects.toThrow('unsubscribed');
    expect(sender.sent).toEqual([]);
    expect(receipts.latest('m1')).toMatchObject({ status: 'failed', errorCode: '21610', optedOut: true });
    expect(receipts.optedOut.has('+15551230000')).toBe(true);
  });
});
