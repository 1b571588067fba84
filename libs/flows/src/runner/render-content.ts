import type { ContentTemplate, QuickReply } from '@parley/core';
import type { CardDefinition, MediaDefinition, QuickReplyDefinition, WhatsAppTemplateDefinition } from '../schema/common.schema';
import type { Card, Media } from './flow-actions';
import type { Walk } from './walk';

export function renderQuickReplies(replies: readonly QuickReplyDefinition[] | undefined, walk: Walk): QuickReply[] | undefined {
  return replies?.map((r) => ({ title: walk.text(r.title), payload: r.payload }));
}

export function renderMedia(media: MediaDefinition | undefined, walk: Walk): Media | undefined {
  if (!media) return undefined;
  return media.alt ? { kind: media.kind, url: media.url, alt: walk.text(media.alt) } : { kind: media.kind, url: media.url };
}

export function renderCard(card: CardDefinition | undefined, walk: Walk): Card | undefined {
  if (!card) return undefined;
  const rendered: Card = { title: walk.text(card.title) };
  if (card.subtitle) rendered.subtitle = walk.text(card.subtitle);
  if (card.imageUrl) rendered.imageUrl = card.imageUrl;
  if (card.buttons) {
    rendered.buttons = card.buttons.map((b) => ({
      title: walk.text(b.title),
      ...(b.payload ? { payload: b.payload } : {}),
      ...(b.url ? { url: b.url } : {}),
    }));
  }
  return rendered;
}

/** Variables are filled in from the contact but not escaped: Twilio sends them as JSON values, not as text. */
export function renderWhatsAppTemplate(template: WhatsAppTemplateDefinition | undefined, walk: Walk): ContentTemplate | undefined {
  if (!template) return undefined;
  const variables = Object.fromEntries(Object.entries(template.variables ?? {}).map(([name, value]) => [name, walk.value(value)]));
  return { contentSid: template.contentSid, variables };
}
