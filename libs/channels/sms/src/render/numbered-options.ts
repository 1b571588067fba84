import type { QuickReply } from '@parley/core';

/** SMS has no buttons: options become numbered lines, and the flow runner takes a bare "2" as the second. */
export function numberedOptions(replies: readonly QuickReply[]): string {
  return replies.map((reply, i) => `${i + 1}) ${reply.title}`).join('\n');
}
