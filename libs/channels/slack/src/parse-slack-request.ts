import { z } from 'zod';
import { CLAIM_ACTION, DECLINE_ACTION, RELEASE_ACTION } from './handoff-card';

export type SlackCommand =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'claim' | 'decline' | 'release'; conversationId: string; user: string }
  | { kind: 'reply'; eventId: string; channel: string; threadTs: string; text: string }
  | { kind: 'ignored' };

const ACTIONS = { [CLAIM_ACTION]: 'claim', [DECLINE_ACTION]: 'decline', [RELEASE_ACTION]: 'release' } as const;

const interaction = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

const challenge = z.object({ type: z.literal('url_verification'), challenge: z.string() });

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

/** Turns a verified Slack request (interaction form or Events API JSON) into one command. */
export function parseSlackRequest(body: unknown): SlackCommand {
  const form = body as { payload?: unknown } | null;
  if (form && typeof form.payload === 'string') {
    let json: unknown;
    try {
      json = JSON.parse(form.payload);
    } catch {
      return { kind: 'ignored' };
    }
    const parsed = interaction.safeParse(json);
    if (!parsed.success) return { kind: 'ignored' };
    const [action] = parsed.data.actions;
    const kind = ACTIONS[action.action_id as keyof typeof ACTIONS];
    return kind && action.value ? { kind, conversationId: action.value, user: parsed.data.user.id } : { kind: 'ignored' };
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
