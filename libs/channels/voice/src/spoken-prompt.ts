import type { QuickReply } from '@parley/core';
import { renderForChannel } from '@parley/flows';

export interface Speakable {
  text: string;
  quickReplies?: readonly QuickReply[];
}

/** "Say or press 1 for 1-49, 2 for 50-999, or 3 for 1000+.": a keypress picks an option as a bare ordinal does. */
export function spokenOptions(options: readonly QuickReply[]): string {
  const picks = options.map((o, i) => `${i + 1} for ${o.title}`);
  const list = picks.length > 1 ? `${picks.slice(0, -1).join(', ')}, or ${picks[picks.length - 1]}` : picks.join('');
  return `Say or press ${list}.`;
}

/** What the caller hears for one message: its text made speakable, then its options. */
export function spokenPrompt(message: Speakable): string {
  const speech = renderForChannel({ text: message.text }, 'voice').speech ?? '';
  const options = message.quickReplies?.length ? spokenOptions(message.quickReplies) : '';
  return [speech, options].filter(Boolean).join(' ');
}
