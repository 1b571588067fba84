import { Logger as NestLogger } from '@nestjs/common';
import { LogLevel, WebClient, type KnownBlock, type Logger } from '@slack/web-api';
import { SlackApi, type SlackBlock, type SlackPost } from '../slack-api.port';

/**
 * SlackApi on @slack/web-api; `apiUrl` points it at a proxy or a test double. A 429 is waited out
 * for its Retry-After and the call tried again (up to `retries` times); other failures are retried too.
 */
export class WebApiSlack extends SlackApi {
  private readonly client: WebClient;

  constructor(token: string, apiUrl?: string, retries = 3) {
    super();
    this.client = new WebClient(token, { slackApiUrl: apiUrl, logger: nestLogger(), retryConfig: { retries, factor: 2, minTimeout: 200, maxTimeout: 5_000 } });
  }

  async postMessage(post: SlackPost): Promise<{ channel: string; ts: string }> {
    const base = { channel: post.channel, text: post.text, ...(post.blocks ? { blocks: post.blocks as unknown as KnownBlock[] } : {}) };
    const result = await this.client.chat.postMessage(post.threadTs ? { ...base, thread_ts: post.threadTs, reply_broadcast: post.broadcast ?? false } : base);
    return { channel: result.channel ?? post.channel, ts: result.ts! };
  }

  async updateMessage(update: { channel: string; ts: string; text: string; blocks: SlackBlock[] }): Promise<void> {
    await this.client.chat.update({ channel: update.channel, ts: update.ts, text: update.text, blocks: update.blocks as unknown as KnownBlock[] });
  }

  async postEphemeral(post: { channel: string; user: string; text: string }): Promise<void> {
    await this.client.chat.postEphemeral({ channel: post.channel, user: post.user, text: post.text });
  }
}

/** The Web API client's log (rate limits, retries) goes to ours, at our level. */
function nestLogger(): Logger {
  const log = new NestLogger('SlackWebApi');
  const line = (parts: unknown[]) => parts.map(String).join(' ');
  return {
    debug: (...parts: unknown[]) => log.debug(line(parts)),
    info: (...parts: unknown[]) => log.debug(line(parts)),
    warn: (...parts: unknown[]) => log.warn(line(parts)),
    error: (...parts: unknown[]) => log.error(line(parts)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}
