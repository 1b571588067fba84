import type { ChannelName, QuickReply } from '@parley/core';
import type { Card, Media } from '../runner/flow-actions';

/** A `say` action or an OutboundMessage: what a channel renders. */
export interface Renderable {
  text: string;
  quickReplies?: readonly QuickReply[];
  media?: Media;
  card?: Card;
  speech?: string;
}

export interface ChannelRendering {
  text: string;
  /** Buttons, on channels that have them. */
  quickReplies?: QuickReply[];
  media?: Media;
  card?: Card;
  /** What a voice channel speaks. */
  speech?: string;
  /** The options a numbered reply picks ("2" → numbered[1].payload), on channels without buttons. */
  numbered?: QuickReply[];
}

const EMOJI = /\p{Extended_Pictographic}\uFE0F?/gu;
const URL = /\bhttps?:\/\/\S+/g;

function buttonsOf(message: Renderable): QuickReply[] {
  const cardButtons = (message.card?.buttons ?? []).flatMap((b) => (b.payload ? [{ title: b.title, payload: b.payload }] : []));
  return [...(message.quickReplies ?? []), ...cardButtons];
}

function spokenList(titles: string[]): string {
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}`;
}

function forText(message: Renderable): ChannelRendering {
  const lines = [message.text];
  if (message.card) {
    lines.push(message.card.title, ...(message.card.subtitle ? [message.card.subtitle] : []));
    for (const b of message.card.buttons ?? []) if (b.url) lines.push(`${b.title}: ${b.url}`);
  }
  const options = buttonsOf(message);
  if (options.length) lines.push(options.map((o, i) => `${i + 1}. ${o.title}`).join('\n'));
  const media = message.media ?? (message.card?.imageUrl ? { kind: 'image' as const, url: message.card.imageUrl } : undefined);
  return {
    text: lines.filter(Boolean).join('\n'),
    ...(media ? { media } : {}),
    ...(options.length ? { numbered: options } : {}),
  };
}

function forVoice(message: Renderable): ChannelRendering {
  const base = message.speech ?? [message.text, message.card?.title, message.card?.subtitle].filter(Boolean).join('. ');
  const options = buttonsOf(message);
  const prompt = options.length ? ` You can say ${spokenList(options.map((o) => o.title))}.` : '';
  const speech = `${base}${prompt}`.replace(URL, '').replace(EMOJI, '').replace(/\s+/g, ' ').trim();
  return { text: speech, speech, ...(options.length ? { numbered: options } : {}) };
}

function forButtons(message: Renderable): ChannelRendering {
  return {
    text: message.text,
    ...(message.quickReplies?.length ? { quickReplies: [...message.quickReplies] } : {}),
    ...(message.media ? { media: message.media } : {}),
    ...(message.card ? { card: message.card } : {}),
  };
}

/** One node, rendered as each channel can show it: buttons, numbered options, or a spoken prompt. */
export function renderForChannel(message: Renderable, channel: ChannelName): ChannelRendering {
  switch (channel) {
    case 'webchat':
    case 'botframework':
      return forButtons(message);
    case 'sms':
    case 'whatsapp':
      return forText(message);
    case 'voice':
    case 'alexa':
      return forVoice(message);
  }
}
