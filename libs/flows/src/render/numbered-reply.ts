import type { QuickReply } from '@parley/core';
import { ordinalOf } from '../validators/answer';

/** On a channel without buttons, "2" (or "2.", "#2", "option 2") picks the second numbered option. */
export function numberedReplyPayload(text: string | undefined, options: readonly QuickReply[] | undefined): string | undefined {
  const n = ordinalOf(text);
  return n !== undefined && options && n >= 1 && n <= options.length ? options[n - 1].payload : undefined;
}
