import type { Owner } from '@parley/core';
import type { TurnOutcome, TurnRecord } from '@parley/engine';
import { SqlConversationStore, type SqlDatabase } from '@parley/persistence';
import type { ConversationFeed } from './conversation-feed';

/**
 * The SQL store, telling the dashboard feed about every committed turn and ownership change. Every message of
 * every channel (and the agent's replies) passes through commitTurn, so this is the one place that sees them all.
 */
export class PublishedConversationStore extends SqlConversationStore {
  constructor(
    db: SqlDatabase,
    private readonly feed: ConversationFeed,
  ) {
    super(db);
  }

  override async commitTurn(turn: TurnRecord): Promise<TurnOutcome> {
    const outcome = await super.commitTurn(turn);
    if (outcome.status === 'committed' && (turn.inbound || turn.outbound.length)) this.feed.turnCommitted(turn);
    return outcome;
  }

  override async transferOwner(conversationId: string, from: Owner, to: Owner, at: Date): Promise<boolean> {
    const moved = await super.transferOwner(conversationId, from, to, at);
    if (moved) this.feed.ownerChanged(conversationId, to, at);
    return moved;
  }
}
