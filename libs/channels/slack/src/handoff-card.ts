import type { SlackBlock } from './slack-api.port';

export const CLAIM_ACTION = 'handoff_claim';
export const DECLINE_ACTION = 'handoff_decline';
export const RELEASE_ACTION = 'handoff_release';
export const ASSIGN_ACTION = 'handoff_assign';
export const SNOOZE_ACTION = 'handoff_snooze';
export const RESOLVE_ACTION = 'handoff_resolve';
/** The actions block carries the conversation id, as a user picker has no `value` of its own. */
export const ACTIONS_BLOCK_PREFIX = 'handoff:';

export type HandoffCardState =
  | { status: 'open'; snoozedUntil?: string }
  | { status: 'claimed'; by: string; assignedBy?: string }
  | { status: 'declined'; by: string }
  | { status: 'released'; by: string }
  | { status: 'resolved'; by: string };

export interface LeadScore {
  total: number;
  /** Largest first, e.g. `+20 asked for pricing`. */
  reasons: string[];
}

export interface HandoffCardData {
  conversationId: string;
  name?: string;
  email?: string;
  phone?: string;
  company?: string;
  companySize?: string;
  segment?: string;
  score?: LeadScore;
  customerChannel: string;
  queue?: string;
  priority?: string;
  reason?: string;
  /** The routing rule that chose the channel. */
  route?: string;
  lastMessages: { from: string; text: string }[];
  state: HandoffCardState;
  /** SLA timers of this round are live; a snooze or a re-route starts the next round. */
  sla?: { round: number };
}

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

const assignPicker = { type: 'users_select', action_id: ASSIGN_ACTION, placeholder: { type: 'plain_text', text: 'Assign to…' } };

/** Slack mrkdwn treats these three as control characters. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function cardTitle(card: HandoffCardData): string {
  return `Handoff request: ${card.name ?? 'a visitor'} on ${card.customerChannel}`;
}

const slackTime = (iso: string) => `<!date^${Math.floor(Date.parse(iso) / 1000)}^{time}|${iso.slice(11, 16)} UTC>`;

function statusLine(state: HandoffCardState): string {
  switch (state.status) {
    case 'open':
      return state.snoozedUntil ? `:zzz: Snoozed until ${slackTime(state.snoozedUntil)}` : ':raising_hand: Waiting for a rep';
    case 'claimed':
      return state.assignedBy
        ? `:white_check_mark: Assigned to <@${state.by}> by <@${state.assignedBy}>; replies in this thread go to the customer`
        : `:white_check_mark: Claimed by <@${state.by}>; replies in this thread go to the customer`;
    case 'declined':
      return `:no_entry_sign: Marked not a fit by <@${state.by}>`;
    case 'released':
      return `:robot_face: Handed back to the bot by <@${state.by}>`;
    case 'resolved':
      return `:checkered_flag: Resolved by <@${state.by}>`;
  }
}

function actions(card: HandoffCardData): SlackBlock[] {
  const { state, conversationId: id } = card;
  const block = (elements: unknown[]) => [{ type: 'actions', block_id: `${ACTIONS_BLOCK_PREFIX}${id}`, elements }];
  if (state.status === 'open') {
    return block([button('Claim', CLAIM_ACTION, id, 'primary'), assignPicker, button('Snooze', SNOOZE_ACTION, id), button('Not a fit', DECLINE_ACTION, id, 'danger')]);
  }
  if (state.status === 'claimed') return block([assignPicker, button('Hand back to bot', RELEASE_ACTION, id), button('Resolve', RESOLVE_ACTION, id, 'primary')]);
  return [];
}

function scoreText(score: HandoffCardData['score']): string | undefined {
  if (!score) return undefined;
  return [`${score.total}`, ...score.reasons].join('\n');
}

/** The Block Kit card a rep sees: who, where, why, what was said last, and what can be done now. */
export function renderHandoffCard(card: HandoffCardData): SlackBlock[] {
  const field = (label: string, value: string | undefined) => ({ type: 'mrkdwn', text: `*${label}*\n${escape(value ?? '—')}` });
  const transcript = card.lastMessages.map((m) => `*${m.from}:* ${escape(m.text)}`).join('\n') || '_no messages yet_';
  const contact = [card.email, card.phone].filter(Boolean).join(' · ') || undefined;
  return [
    { type: 'header', text: { type: 'plain_text', text: cardTitle(card).slice(0, 150) } },
    {
      type: 'section',
      fields: [
        field('Name', [card.name, card.company].filter(Boolean).join(', ') || undefined),
        field('Contact', contact),
        field('Company size', card.companySize),
        field('Segment', card.segment),
        field('Channel', card.customerChannel),
        field('Queue', [card.queue, card.priority, card.route && `via ${card.route}`].filter(Boolean).join(' · ') || undefined),
        field('Score', scoreText(card.score)),
        field('Reason', card.reason),
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: transcript.slice(0, 2900) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: statusLine(card.state) }] },
    ...actions(card),
  ];
}
