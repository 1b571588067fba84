import type { MessageCard, MessageMedia, OutboundMessage, QuickReply } from '@parley/core';
import { HERO_CARD, type Attachment, type CardAction, type HeroCard, type OutgoingActivity } from './activity';

/** Teams shows only imBack among suggested actions; elsewhere messageBack returns the exact payload. */
const IM_BACK_ONLY = new Set(['msteams']);

export function quickReplyAction(reply: QuickReply, channelId: string): CardAction {
  if (IM_BACK_ONLY.has(channelId)) return { type: 'imBack', title: reply.title, value: reply.title };
  return { type: 'messageBack', title: reply.title, text: reply.title, displayText: reply.title, value: { payload: reply.payload } };
}

function cardButtons(card: MessageCard | undefined, channelId: string): CardAction[] {
  return (card?.buttons ?? []).flatMap((button): CardAction[] => {
    if (button.url) return [{ type: 'openUrl', title: button.title, value: button.url }];
    return button.payload ? [quickReplyAction({ title: button.title, payload: button.payload }, channelId)] : [];
  });
}

function mediaParts(media: MessageMedia | undefined): Pick<HeroCard, 'images' | 'buttons'> {
  if (!media) return {};
  if (media.kind === 'image') return { images: [{ url: media.url, ...(media.alt ? { alt: media.alt } : {}) }] };
  return { buttons: [{ type: 'openUrl', title: media.alt ?? `Open ${media.kind}`, value: media.url }] };
}

/** A message with media or a card becomes a hero card: the card's title, the message text, the image, the buttons. */
export function heroCardOf(message: OutboundMessage, channelId: string): Attachment {
  const card = message.card;
  const media = mediaParts(message.media);
  const image = card?.imageUrl && !media.images ? { images: [{ url: card.imageUrl }] } : {};
  const buttons = [...(media.buttons ?? []), ...cardButtons(card, channelId)];
  const content: HeroCard = {
    ...(card?.title ? { title: card.title } : {}),
    ...(card?.subtitle ? { subtitle: card.subtitle } : {}),
    text: message.text,
    ...(media.images ? { images: media.images } : image),
    ...(buttons.length ? { buttons } : {}),
  };
  return { contentType: HERO_CARD, content };
}

/** One engine message as one Bot Framework message activity. */
export function toActivity(message: OutboundMessage, channelId: string): OutgoingActivity {
  const rich = message.media || message.card;
  const activity: OutgoingActivity = rich
    ? { type: 'message', attachments: [heroCardOf(message, channelId)] }
    : { type: 'message', text: message.text, textFormat: 'plain' };
  if (message.quickReplies?.length) activity.suggestedActions = { actions: message.quickReplies.map((r) => quickReplyAction(r, channelId)) };
  return activity;
}

export const TYPING: OutgoingActivity = { type: 'typing' };
