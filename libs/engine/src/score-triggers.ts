import type { InboundMessage, Understanding } from '@parley/core';
import type { ConsentDraft } from '@parley/consent';
import type { ScoreTrigger } from '@parley/scoring';
import type { OpenConversation, OutboxJobDraft } from './ports';

export interface TurnActivity {
  inbound?: InboundMessage;
  understanding?: Understanding;
  /** Attributes the turn sets. */
  attributes: Record<string, unknown>;
  consent: readonly ConsentDraft[];
}

/** What a turn did that scoring rules and behaviour segments may react to (flow `score` nodes come as their own jobs). */
export function scoreTriggersOf(turn: TurnActivity): ScoreTrigger[] {
  const triggers: ScoreTrigger[] = [];
  const intent = turn.understanding && !turn.understanding.outOfScope ? turn.understanding.intent : undefined;
  if (intent) triggers.push({ kind: 'intent', intent, confidence: turn.understanding?.confidence });
  for (const [attribute, value] of Object.entries(turn.attributes)) triggers.push({ kind: 'answer', attribute, value });
  for (const c of turn.consent) {
    triggers.push({ kind: 'consent', purpose: c.purpose, granted: c.action === 'grant' });
    if (c.action === 'revoke' && (c.purpose === 'marketing' || c.purpose === 'all')) triggers.push({ kind: 'unsubscribed', channel: c.channel });
  }
  return triggers;
}

/**
 * One `score.activity` outbox job per turn that did something scoring can see, keyed to the turn; also
 * for a conversation's first turn, which may have put the contact on a new channel.
 */
export function scoreActivityJob(turn: TurnActivity, open: OpenConversation, at: Date): OutboxJobDraft | undefined {
  const triggers = scoreTriggersOf(turn);
  const firstTurn = open.conversation.messageCount === 0;
  if (!triggers.length && !firstTurn) return undefined;
  const { conversation, contact } = open;
  return {
    type: 'score.activity',
    payload: { contactId: contact.id, conversationId: conversation.id, channel: conversation.channel, triggers, attributes: Object.keys(turn.attributes), message: firstTurn },
    idempotencyKey: `activity:${conversation.id}:${conversation.version}`,
    runAt: at,
  };
}
