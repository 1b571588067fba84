import { next, type Outcome } from '../runner/outcome';
import { renderCard, renderMedia, renderQuickReplies, renderWhatsAppTemplate } from '../runner/render-content';
import type { Walk } from '../runner/walk';
import type { SayNode } from './say-node.schema';

export function executeSay(node: SayNode, walk: Walk): Outcome {
  walk.say({
    text: walk.text(node.text),
    quickReplies: renderQuickReplies(node.quickReplies, walk),
    media: renderMedia(node.media, walk),
    card: renderCard(node.card, walk),
    speech: node.speech && walk.text(node.speech),
    whatsappTemplate: renderWhatsAppTemplate(node.whatsappTemplate, walk),
  });
  return next(node.next);
}
