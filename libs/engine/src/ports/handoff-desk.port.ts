import type { InboundMessage } from '@parley/core';
import type { ConversationSnapshot } from './conversation-store.port';

/** Where a conversation owned by a human goes: the customer's messages are relayed to the desk. */
export abstract class HandoffDesk {
  abstract relay(conversation: ConversationSnapshot, message: InboundMessage): Promise<void>;
}
