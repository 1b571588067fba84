import type { HandoffCardData } from './handoff-card';

/** A handoff card posted in Slack: its thread mirrors the conversation. */
export interface HandoffThread {
  conversationId: string;
  /** The outbox job that posted it, so a retried job does not post a second card. */
  requestKey: string;
  channel: string;
  ts: string;
  card: HandoffCardData;
}

/** The rep who owns a card now (claimed or assigned), if any. */
export const repOf = (card: HandoffCardData): string | undefined => (card.state.status === 'claimed' ? card.state.by : undefined);

/** Which Slack thread belongs to which conversation, both ways. */
export abstract class HandoffThreads {
  abstract save(thread: HandoffThread): Promise<void>;
  abstract byConversation(conversationId: string): Promise<HandoffThread | undefined>;
  abstract byMessage(channel: string, ts: string): Promise<HandoffThread | undefined>;
  /** Cards a rep owns now, newest first. */
  abstract ownedBy(user: string, limit: number): Promise<HandoffThread[]>;
}
