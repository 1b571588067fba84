import type { Attachment, ContentTemplate, QuickReply } from '@parley/core';
import type { SmsDraft } from '../sms-sender.port';
import { numberedOptions } from './numbered-options';

export interface WhatsAppRenderable {
  text: string;
  quickReplies?: readonly QuickReply[];
  attachments?: readonly Attachment[];
  template?: ContentTemplate;
  sendAsTemplate?: true;
}

/** Twilio's limit for one WhatsApp body; flow texts stay far below it, so WhatsApp texts are not split. */
export const WHATSAPP_MAX_BODY = 1600;

/**
 * One WhatsApp message: numbered options like SMS (a bare "2" picks the second), but Unicode as written and no
 * segments (WhatsApp is not billed per segment). An approved template replaces the text when the gate says so.
 */
export function renderWhatsApp(message: WhatsAppRenderable): Omit<SmsDraft, 'to' | 'statusCallback'> {
  if (message.sendAsTemplate && message.template) {
    return { contentSid: message.template.contentSid, contentVariables: JSON.stringify(message.template.variables) };
  }
  const options = message.quickReplies?.length ? `\n${numberedOptions(message.quickReplies)}` : '';
  const body = `${message.text}${options}`.slice(0, WHATSAPP_MAX_BODY);
  const mediaUrl = (message.attachments ?? []).map((a) => a.url);
  return { body, ...(mediaUrl.length ? { mediaUrl } : {}) };
}
