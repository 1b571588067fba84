import type { ConnectorDelivery, FakeBotConnector } from '@parley/testing';
import { randomUUID } from 'node:crypto';

export const BOT = { id: 'parley-bot', name: 'Parley' };

export interface PostResult {
  status: number;
  body: string;
  activityId: string;
}

export interface BotUserOptions {
  channelId?: string;
  /** Signs each activity as the Bot Framework would (authenticated mode); unset, activities go unsigned. */
  appId?: string;
  userName?: string;
}

/**
 * A person in a Bot Framework channel, as the bot sees them: activities posted to /api/messages with a serviceUrl
 * pointing at the fake Connector, where the bot's replies are read back (the messages replying to each activity).
 */
export class BotFrameworkUser {
  readonly userId = `user-${randomUUID()}`;
  readonly conversationId = `conv-${randomUUID()}`;
  readonly channelId: string;
  private sequence = 0;

  constructor(
    private readonly appUrl: () => string,
    readonly connector: FakeBotConnector,
    private readonly options: BotUserOptions = {},
  ) {
    this.channelId = options.channelId ?? 'emulator';
  }

  /** The address Parley keys this user's conversation on. */
  get address(): string {
    return `${this.channelId}:${this.userId}`;
  }

  activity(type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type,
      id: `act-${++this.sequence}-${randomUUID().slice(0, 8)}`,
      timestamp: new Date().toISOString(),
      channelId: this.channelId,
      serviceUrl: this.connector.url,
      from: { id: this.userId, name: this.options.userName ?? 'Jane', role: 'user' },
      recipient: { ...BOT, role: 'bot' },
      conversation: { id: this.conversationId },
      locale: 'en-US',
      ...extra,
    };
  }

  async post(activity: Record<string, unknown>, authorization?: string | null): Promise<PostResult> {
    const signed = this.options.appId ? `Bearer ${this.connector.signToken({ appId: this.options.appId, serviceUrl: this.connector.url })}` : undefined;
    const auth = authorization === null ? undefined : (authorization ?? signed);
    const response = await fetch(`${this.appUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: response.status, body: await response.text(), activityId: String(activity.id) };
  }

  /** Opens the conversation: the channel tells the bot the user (and the bot) joined. */
  join(): Promise<PostResult> {
    return this.post(this.activity('conversationUpdate', { membersAdded: [{ id: this.userId, name: 'Jane' }, { ...BOT }] }));
  }

  /** Types a message. */
  say(text: string): Promise<PostResult> {
    return this.post(this.activity('message', { text, textFormat: 'plain' }));
  }

  /** Presses a suggested action as the channel sends it back (messageBack: its text and value). */
  press(action: { title: string; text?: string; value?: unknown; type?: string }): Promise<PostResult> {
    return this.post(this.activity('message', { text: action.type === 'imBack' ? String(action.value) : action.text, value: action.value }));
  }

  /** Every activity the bot sent into this conversation. */
  received(): ConnectorDelivery[] {
    return this.connector.to(this.conversationId);
  }

  /** Bot messages (not typing) in this conversation. */
  messages(): ConnectorDelivery[] {
    return this.received().filter((d) => d.activity.type === 'message');
  }

  /** Waits for `count` messages replying to `activityId` and returns them. */
  async repliesTo(activityId: string | undefined, count: number, timeoutMs = 10_000): Promise<ConnectorDelivery[]> {
    return this.connector.waitFor(() => {
      const replies = this.messages().filter((d) => d.replyToId === activityId);
      return replies.length >= count ? replies : undefined;
    }, timeoutMs);
  }

  /** The text a message shows: its own, or its hero card's. */
  static textOf(delivery: ConnectorDelivery): string {
    const card = (delivery.activity.attachments as { content?: { text?: string } }[] | undefined)?.[0]?.content;
    return delivery.activity.text ?? card?.text ?? '';
  }

  static actionsOf(delivery: ConnectorDelivery): { type: string; title: string; text?: string; value?: unknown }[] {
    return ((delivery.activity.suggestedActions as { actions?: [] } | undefined)?.actions ?? []) as { type: string; title: string; text?: string; value?: unknown }[];
  }
}
