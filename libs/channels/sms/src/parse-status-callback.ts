import type { DeliveryReceipt } from './delivery-receipts.port';
import { OPTED_OUT_ERROR_CODE, toDeliveryStatus } from './delivery-status';
import { param, type TwilioParams } from '@parley/twilio-webhooks';

const MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A verified status callback as a receipt; undefined for statuses that are not about delivery (received…). */
export function parseStatusCallback(params: TwilioParams, messageId: unknown, at: Date): DeliveryReceipt | undefined {
  const status = toDeliveryStatus(param(params, 'MessageStatus') ?? param(params, 'SmsStatus'));
  const providerMessageId = param(params, 'MessageSid') ?? param(params, 'SmsSid');
  if (!status || !providerMessageId) return undefined;
  const errorCode = param(params, 'ErrorCode');
  const to = param(params, 'To');
  return {
    ...(typeof messageId === 'string' && MESSAGE_ID.test(messageId) ? { messageId } : {}),
    providerMessageId,
    status,
    ...(errorCode && errorCode !== '0' ? { errorCode } : {}),
    optedOut: errorCode === OPTED_OUT_ERROR_CODE,
    ...(to ? { to } : {}),
    at,
  };
}
