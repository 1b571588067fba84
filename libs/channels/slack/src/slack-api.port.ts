/** A Block Kit block, as Slack's API takes it. */
export type SlackBlock = Record<string, unknown>;

export interface SlackPost {
  channel: string;
  text: string;
  blocks?: SlackBlock[];
  threadTs?: string;
}

/** The part of Slack's Web API the handoff desk uses. */
export abstract class SlackApi {
  abstract postMessage(post: SlackPost): Promise<{ channel: string; ts: string }>;
  abstract updateMessage(update: { channel: string; ts: string; text: string; blocks: SlackBlock[] }): Promise<void>;
}
