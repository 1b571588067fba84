import type { QuickReply } from '@parley/core';
import { toGsmLookalikes } from './gsm-lookalikes';
import { numberedOptions } from './numbered-options';
import { MAX_SEGMENTS_PER_SMS, splitSms } from './split-sms';

export interface SmsRenderable {
  text: string;
  quickReplies?: readonly QuickReply[];
}

/** The SMS bodies, in order, that carry one outbound message. */
export function renderSms(message: SmsRenderable, maxSegments = MAX_SEGMENTS_PER_SMS): string[] {
  const options = message.quickReplies?.length ? `\n${numberedOptions(message.quickReplies)}` : '';
  return splitSms(toGsmLookalikes(`${message.text}${options}`), maxSegments);
}
