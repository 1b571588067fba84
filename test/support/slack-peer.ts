import { signSlackRequest } from '@parley/channels-slack';
import type { FakeSlackMessage } from '@parley/testing';

export const SLACK_SECRET = 'slack-signing-secret';

interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  headers?: Record<string, string>;
}

/**
 * Slack's side of /slack/events: button presses, thread replies and slash commands, signed with
 * Slack's v0 scheme over the exact body, as Slack sends them.
 */
export class SlackPeer {
  constructor(private readonly target: () => string) {}

  post(body: string, contentType: string, options: SignOptions = {}): Promise<Response> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${this.target()}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(options.secret ?? SLACK_SECRET, timestamp, body),
        ...options.headers,
      },
      body,
    });
  }

  interact(payload: Record<string, unknown>, options?: SignOptions): Promise<Response> {
    return this.post(`payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', ...payload }))}`, 'application/x-www-form-urlencoded', options);
  }

  press(actionId: string, conversationId: string, user: string, options?: SignOptions): Promise<Response> {
    return this.interact({ user: { id: user }, actions: [{ action_id: actionId, block_id: `handoff:${conversationId}`, value: conversationId }] }, options);
  }

  /** "Assign to…": a users_select, which carries the picked user but no value: the block id names the conversation. */
  assign(conversationId: string, user: string, assignee: string, options?: SignOptions): Promise<Response> {
    return this.interact({ user: { id: user }, actions: [{ action_id: 'handoff_assign', type: 'users_select', block_id: `handoff:${conversationId}`, selected_user: assignee }] }, options);
  }

  replyInThread(card: FakeSlackMessage, eventId: string, text: string, user = 'U_REP', options?: SignOptions): Promise<Response> {
    const event = { type: 'message', channel: card.channel, thread_ts: card.ts, ts: `${Date.now() / 1000}`, user, text };
    return this.post(JSON.stringify({ type: 'event_callback', event_id: eventId, event }), 'application/json', options);
  }

  slash(user: string, text: string, options?: SignOptions): Promise<Response> {
    const form = new URLSearchParams({ command: '/parley', text, user_id: user, channel_id: 'C_ANY', response_url: 'https://hooks.slack.example/commands/1', trigger_id: 't1' });
    return this.post(form.toString(), 'application/x-www-form-urlencoded', options);
  }
}

export const cardText = (card: FakeSlackMessage) => JSON.stringify(card.blocks);
