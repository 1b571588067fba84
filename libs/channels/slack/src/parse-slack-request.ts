import { z } from 'zod';
import { ACTIONS_BLOCK_PREFIX, ASSIGN_ACTION, CLAIM_ACTION, DECLINE_ACTION, RELEASE_ACTION, RESOLVE_ACTION, SNOOZE_ACTION } from './handoff-card';

export type SlackCommand =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'claim' | 'decline' | 'release' | 'resolve' | 'snooze'; conversationId: string; user: string }
  | { kind: 'assign'; conversationId: string; user: string; assignee: string }
  | { kind: 'reply'; eventId: string; channel: string; threadTs: string; text: string }
  | { kind: 'slash'; user: string; text: string }
  | { kind: 'ignored' };

const BUTTONS = { [CLAIM_ACTION]: 'claim', [DECLINE_ACTION]: 'decline', [RELEASE_ACTION]: 'release', [RESOLVE_ACTION]: 'resolve', [SNOOZE_ACTION]: 'snooze' } as const;

const interaction = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string() }),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().optional(), block_id: z.string().optional(), selected_user: z.string().optional() }))
    .min(1),
});

const challenge = z.object({ type: z.literal('url_verification'), challenge: z.string() });

const slash = z.object({ command: z.string(), text: z.string().default(''), user_id: z.string().min(1) });

const threadMessage = z.object({
  type: z.literal('event_callback'),
  event_id: z.string(),
  event: z.object({
    type: z.literal('message'),
    channel: z.string(),
    thread_ts: z.string(),
    user: z.string(),
    text: z.string().min(1),
    bot_id: z.string().optional(),
    subtype: z.string().optional(),
  }),
});

function parseInteraction(payload: string): SlackCommand {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { kind: 'ignored' };
  }
  const parsed = interaction.safeParse(json);
  if (!parsed.success) return { kind: 'ignored' };
  const [action] = parsed.data.actions;
  const user = parsed.data.user.id;
  const conversationId = action.value ?? (action.block_id?.startsWith(ACTIONS_BLOCK_PREFIX) ? action.block_id.slice(ACTIONS_BLOCK_PREFIX.length) : undefined);
  if (!conversationId) return { kind: 'ignored' };
  if (action.action_id === ASSIGN_ACTION) return action.selected_user ? { kind: 'assign', conversationId, user, assignee: action.selected_user } : { kind: 'ignored' };
  const kind = BUTTONS[action.action_id as keyof typeof BUTTONS];
  return kind ? { kind, conversationId, user } : { kind: 'ignored' };
}

/** Turns a verified Slack request (interaction or slash command form, or Events API JSON) into one command. */
export function parseSlackRequest(body: unknown): SlackCommand {
  const form = body as { payload?: unknown; command?: unknown } | null;
  if (form && typeof form.payload === 'string') return parseInteraction(form.payload);
  if (form && typeof form.command === 'string') {
    const command = slash.safeParse(form);
    return command.success ? { kind: 'slash', user: command.data.user_id, text: command.data.text.trim() } : { kind: 'ignored' };
  }
  const verification = challenge.safeParse(body);
  if (verification.success) return { kind: 'challenge', challenge: verification.data.challenge };
  const message = threadMessage.safeParse(body);
  if (!message.success) return { kind: 'ignored' };
  const { event, event_id } = message.data;
  // Our own posts (bot_id) and edits, joins and the like (subtype) are not rep replies.
  if (event.bot_id || event.subtype) return { kind: 'ignored' };
  return { kind: 'reply', eventId: event_id, channel: event.channel, threadTs: event.thread_ts, text: event.text };
}
