/** A Block Kit block, as Slack's API takes it. */
export type SlackBlock = Record<string, unknown>;

export interface SlackPost {
  channel: string;
  text: string;
  blocks?: SlackBlock[];
  threadTs?: string;
  /** A thread reply also shown in the channel (reply_broadcast). */
  broadcast?: boolean;
}

/** The part of Slack's Web API the handoff desk uses. */
export abstract class SlackApi {
  abstract postMessage(post: SlackPost): Promise<{ channel: string; ts: string }>;
  abstract updateMessage(update: { channel: string; ts: string; text: string; blocks: SlackBlock[] }): Promise<void>;
  /** A message only `user` sees in `channel`. */
  abstract postEphemeral(post: { channel: string; user: string; text: string }): Promise<void>;
}
