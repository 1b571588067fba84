import { WebClient, type KnownBlock } from '@slack/web-api';
import { SlackApi, type SlackBlock, type SlackPost } from '../slack-api.port';

/** SlackApi on @slack/web-api; `apiUrl` points it at a proxy or a test double. */
export class WebApiSlack extends SlackApi {
  private readonly client: WebClient;

  constructor(token: string, apiUrl?: string) {
    super();
    this.client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: { retries: 2 } });
  }

  async postMessage(post: SlackPost): Promise<{ channel: string; ts: string }> {
    const result = await this.client.chat.postMessage({ channel: post.channel, text: post.text, blocks: post.blocks as unknown as KnownBlock[] | undefined, thread_ts: post.threadTs });
    return { channel: result.channel ?? post.channel, ts: result.ts! };
  }

  async updateMessage(update: { channel: string; ts: string; text: string; blocks: SlackBlock[] }): Promise<void> {
    await this.client.chat.update({ channel: update.channel, ts: update.ts, text: update.text, blocks: update.blocks as unknown as KnownBlock[] });
  }
}
