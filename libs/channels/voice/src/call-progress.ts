import type { StoredMessage } from '@parley/core';
import type { FlowState } from '@parley/flows';
import type { OpenConversation } from '@parley/engine';

/** The flow has ended (or never started): nothing waits for the caller's answer. */
export function flowIsOver(open: OpenConversation): boolean {
  const state = open.conversation.state as FlowState | null;
  return !state || state.waitingAt === null;
}

/** What the caller was last asked: the bot's messages since the caller last spoke (to repeat, or to answer a retry again). */
export function lastPrompts(history: readonly StoredMessage[]): StoredMessage[] {
  const since = history.map((m) => m.from).lastIndexOf('visitor');
  return history.slice(since + 1).filter((m) => m.from !== 'visitor');
}
