import { BadRequestException } from '@nestjs/common';
import { supersedes, toDeliveryStatus } from './delivery-status';
import { parseInboundSms } from './parse-inbound-sms';
import { parseStatusCallback } from './parse-status-callback';
import { formParams } from '@parley/twilio-webhooks';

const at = new Date('2025-06-02T12:00:00Z');
const SID = 'SM0123456789abcdef0123456789abcdef';

describe('formParams', () => {
  it('keeps the posted strings and string arrays, nothing else', () => {
    expect(formParams({ Body: 'hi', MediaUrl0: ['a', 'b'], n: 1, o: {} })).toEqual({ Body: 'hi', MediaUrl0: ['a', 'b'] });
    expect(formParams(undefined)).toEqual({});
    expect(formParams('Body=hi')).toEqual({});
  });
});

describe('parseInboundSms', () => {
  it('makes an InboundMessage keyed by MessageSid, keeping the address as given', () => {
    const inbound = parseInboundSms({ MessageSid: SID, From: '+15551230000', To: '+15005550006', Body: '  2 ', NumMedia: '0', FromCountry: 'US' }, at);
    expect(inbound).toEqual({
      channel: 'sms',
      address: '+15551230000',
      externalId: SID,
      text: '2',
      receivedAt: at,
      metadata: { to: '+15005550006', fromCountry: 'US' },
    });
  });

  it('takes a whatsapp: sender as the WhatsApp channel, keeping the prefix in the address', () => {
    const inbound = parseInboundSms({ MessageSid: SID, From: 'whatsapp:+15551230000', To: 'whatsapp:+15005550006', Body: 'Hi', NumMedia: '0' }, at);
    expect(inbound).toMatchObject({ channel: 'whatsapp', address: 'whatsapp:+15551230000', text: 'Hi', metadata: { to: 'whatsapp:+15005550006' } });
  });

  it('passes media and Twilio’s opt-out classification along', () => {
    const inbound = parseInboundSms(
      { SmsSid: SID, From: '+15551230000', Body: '', NumMedia: '2', MediaUrl0: 'https://m/0', MediaContentType0: 'image/jpeg', MediaUrl1: 'https://m/1', OptOutType: 'STOP' },
      at,
    );
    expect(inbound.text).toBeUndefined();
    expect(inbound.metadata).toMatchObject({ optOutType: 'STOP', media: [{ url: 'https://m/0', contentType: 'image/jpeg' }, { url: 'https://m/1' }] });
    expect(inbound.attachments).toEqual([{ url: 'https://m/0', contentType: 'image/jpeg' }, { url: 'https://m/1' }]);
  });

  it('refuses a webhook without MessageSid or From', () => {
    expect(() => parseInboundSms({ From: '+15551230000', Body: 'hi' }, at)).toThrow(BadRequestException);
    expect(() => parseInboundSms({ MessageSid: SID, Body: 'hi' }, at)).toThrow(BadRequestException);
  });
});

describe('parseStatusCallback', () => {
  it('reads the status, the error code and our message id', () => {
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'undelivered', ErrorCode: '30003', To: '+15551230000' }, 'm-1', at)).toEqual({
      messageId: 'm-1',
      providerMessageId: SID,
      status: 'undelivered',
      errorCode: '30003',
      optedOut: false,
      to: '+15551230000',
      at,
    });
    expect(parseStatusCallback({ SmsSid: SID, SmsStatus: 'failed', ErrorCode: '21610' }, undefined, at)).toMatchObject({ status: 'failed', optedOut: true });
  });

  it('ignores statuses that are not about delivery, and odd message ids', () => {
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'received' }, 'm-1', at)).toBeUndefined();
    expect(parseStatusCallback({ MessageStatus: 'sent' }, 'm-1', at)).toBeUndefined();
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'sent' }, ['a', 'b'], at)).not.toHaveProperty('messageId');
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'sent' }, '<script>', at)).not.toHaveProperty('messageId');
  });
});

describe('delivery status', () => {
  it('maps Twilio statuses and orders them so late callbacks never go back', () => {
    expect(toDeliveryStatus('accepted')).toBe('queued');
    expect(toDeliveryStatus('DELIVERED')).toBe('delivered');
    expect(toDeliveryStatus('receiving')).toBeUndefined();
    expect(supersedes('delivered', 'sent')).toBe(true);
    expect(supersedes('sent', 'delivered')).toBe(false);
    expect(supersedes('failed', 'undelivered')).toBe(false);
    expect(supersedes('read', 'delivered')).toBe(true);
    expect(supersedes('queued', undefined)).toBe(true);
  });
});
