import type { SlackBlock } from './slack-api.port';

export const CLAIM_ACTION = 'handoff_claim';
export const DECLINE_ACTION = 'handoff_decline';
export const RELEASE_ACTION = 'handoff_release';

export type HandoffCardState =
  | { status: 'open' }
  | { status: 'claimed'; by: string }
  | { status: 'declined'; by: string }
  | { status: 'released'; by: string };

export interface HandoffCardData {
  conversationId: string;
  name?: string;
  email?: string;
  companySize?: string;
  customerChannel: string;
  queue?: string;
  priority?: string;
  reason?: string;
  lastMessages: { from: string; text: string }[];
  state: HandoffCardState;
}

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

/** Slack mrkdwn treats these three as control characters. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function cardTitle(card: HandoffCardData): string {
  return `Handoff request: ${card.name ?? 'a visitor'} on ${card.customerChannel}`;
}

function statusLine(state: HandoffCardState): string {
  switch (state.status) {
    case 'open':
      return ':raising_hand: Waiting for a rep';
    case 'claimed':
      return `:white_check_mark: Claimed by <@${state.by}>; replies in this thread go to the customer`;
    case 'declined':
      return `:no_entry_sign: Marked not a fit by <@${state.by}>`;
    case 'released':
      return `:robot_face: Handed back to the bot by <@${state.by}>`;
  }
}

function actions(card: HandoffCardData): SlackBlock[] {
  const { state, conversationId } = card;
  if (state.status === 'open') {
    return [{ type: 'actions', elements: [button('Claim', CLAIM_ACTION, conversationId, 'primary'), button('Not a fit', DECLINE_ACTION, conversationId, 'danger')] }];
  }
  if (state.status === 'claimed') return [{ type: 'actions', elements: [button('Hand back to bot', RELEASE_ACTION, conversationId)] }];
  return [];
}

/** The Block Kit card a rep sees: who, where, why, what was said last, and what can be done now. */
export function renderHandoffCard(card: HandoffCardData): SlackBlock[] {
  const field = (label: string, value: string | undefined) => ({ type: 'mrkdwn', text: `*${label}*\n${escape(value ?? '—')}` });
  const transcript = card.lastMessages.map((m) => `*${m.from}:* ${escape(m.text)}`).join('\n') || '_no messages yet_';
  return [
    { type: 'header', text: { type: 'plain_text', text: cardTitle(card).slice(0, 150) } },
    {
      type: 'section',
      fields: [
        field('Name', card.name),
        field('Email', card.email),
        field('Company size', card.companySize),
        field('Channel', card.customerChannel),
        field('Queue', [card.queue, card.priority].filter(Boolean).join(' · ') || undefined),
        field('Reason', card.reason),
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: transcript.slice(0, 2900) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: statusLine(card.state) }] },
    ...actions(card),
  ];
}
