import type { ContentTemplate, MessageCard, MessageMedia, QuickReply } from '@parley/core';
import type { SmsDraft } from '../sms-sender.port';
import { numberedOptions } from './numbered-options';

export interface WhatsAppRenderable {
  text: string;
  quickReplies?: readonly QuickReply[];
  media?: MessageMedia;
  card?: MessageCard;
  template?: ContentTemplate;
  sendAsTemplate?: true;
}

/** Twilio's limit for one WhatsApp body; flow texts stay far below it, so WhatsApp texts are not split. */
export const WHATSAPP_MAX_BODY = 1600;

/**
 * One WhatsApp message: numbered options like SMS (a bare "2" picks the second), but Unicode as written and no
 * segments (WhatsApp is not billed per segment). A card is written out as lines (title, subtitle, `Title: url`
 * links; its payload buttons join the options) and its image, or the node's, goes as media. An approved
 * template replaces all of it when the gate says so.
 */
export function renderWhatsApp(message: WhatsAppRenderable): Omit<SmsDraft, 'to' | 'statusCallback'> {
  if (message.sendAsTemplate && message.template) {
    return { contentSid: message.template.contentSid, contentVariables: JSON.stringify(message.template.variables) };
  }
  const { card } = message;
  const lines = [message.text, card?.title, card?.subtitle, ...(card?.buttons ?? []).map((b) => (b.url ? `${b.title}: ${b.url}` : undefined))];
  const options = [...(message.quickReplies ?? []), ...(card?.buttons ?? []).flatMap((b) => (b.payload ? [{ title: b.title, payload: b.payload }] : []))];
  if (options.length) lines.push(numberedOptions(options));
  const body = lines.filter(Boolean).join('\n').slice(0, WHATSAPP_MAX_BODY);
  const mediaUrl = message.media?.url ?? message.card?.imageUrl;
  return { body, ...(mediaUrl ? { mediaUrl: [mediaUrl] } : {}) };
}
