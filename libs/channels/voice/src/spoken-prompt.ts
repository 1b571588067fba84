import type { QuickReply } from '@parley/core';
import { renderForChannel } from '@parley/flows';

export interface Speakable {
  text: string;
  quickReplies?: readonly QuickReply[];
}

/** How options are introduced: on a phone a keypress picks one; a voice assistant only listens. */
export type HowToPick = 'Say or press' | 'Say';

/** "Say or press 1 for 1-49, 2 for 50-999, or 3 for 1000+.": a keypress picks an option as a bare ordinal does. */
export function spokenOptions(options: readonly QuickReply[], howToPick: HowToPick = 'Say or press'): string {
  const picks = options.map((o, i) => `${i + 1} for ${o.title}`);
  const list = picks.length > 1 ? `${picks.slice(0, -1).join(', ')}, or ${picks[picks.length - 1]}` : picks.join('');
  return `${howToPick} ${list}.`;
}

function speak(message: Speakable, howToPick: HowToPick): string {
  const speech = renderForChannel({ text: message.text }, 'voice').speech ?? '';
  const options = message.quickReplies?.length ? spokenOptions(message.quickReplies, howToPick) : '';
  return [speech, options].filter(Boolean).join(' ');
}

/** What the caller hears for one message: its text made speakable, then its options. */
export function spokenPrompt(message: Speakable): string {
  return speak(message, 'Say or press');
}

/** The same prompt on a voice assistant (Alexa), where options are picked by voice only. */
export function assistantPrompt(message: Speakable): string {
  return speak(message, 'Say');
}
