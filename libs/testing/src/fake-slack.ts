import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  token?: string;
  args: Record<string, unknown>;
  /** When the fake answered it (ms since the epoch). */
  at: number;
}

export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Record<string, unknown>[];
  threadTs?: string;
  /** A thread reply also shown in the channel. */
  broadcast?: boolean;
}

export interface FakeSlackEphemeral {
  channel: string;
  user: string;
  text: string;
}

/** Nested Web API arguments (blocks) arrive JSON-encoded inside a form body. */
function decode(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Slack's Web API on a real port (auth.test, chat.postMessage, chat.update, chat.postEphemeral): records every
 * call and keeps the messages it holds, so a test sees the card and its thread as a rep would. It can answer
 * 429 with Retry-After like Slack's rate limiter, and hold its answers (a slow Slack). Point SLACK_API_URL at `url`.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly messages = new Map<string, FakeSlackMessage>();
  readonly ephemeral: FakeSlackEphemeral[] = [];
  /** Calls refused with 429, as `method` and when. */
  readonly rateLimited: { method: string; at: number }[] = [];
  private limits: { method: string; retryAfterSeconds: number; times: number }[] = [];
  private held: (() => void)[] | undefined;
  private server: Server | undefined;
  private sequence = 0;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.receive(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Posts in a thread, oldest first. */
  thread(ts: string): FakeSlackMessage[] {
    return [...this.messages.values()].filter((m) => m.threadTs === ts);
  }

  /** The next `times` calls of `method` are refused with 429 and `Retry-After: retryAfterSeconds`. */
  rateLimit(method: string, retryAfterSeconds: number, times = 1): void {
    this.limits.push({ method, retryAfterSeconds, times });
  }

  /** Holds every answer until `release()`: Slack's API as slow as it likes. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach((answer) => answer());
  }

  async waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const found = probe();
    if (found !== undefined) return found;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Slack: condition not met within ${timeoutMs} ms; calls: ${JSON.stringify(this.calls.map((c) => c.method))}`)), timeoutMs);
      this.waiters.push({
        predicate: () => probe() !== undefined,
        resolve: () => {
          clearTimeout(timer);
          resolve(probe()!);
        },
      });
    });
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const args: Record<string, unknown> = {};
    if ((req.headers['content-type'] ?? '').includes('json')) Object.assign(args, raw ? JSON.parse(raw) : {});
    else for (const [key, value] of new URLSearchParams(raw)) args[key] = decode(value);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    const limit = this.limits.find((l) => l.method === method && l.times > 0);
    if (limit) {
      limit.times--;
      this.rateLimited.push({ method, at: Date.now() });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.retryAfterSeconds) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    this.calls.push({ method, token: req.headers.authorization?.replace(/^Bearer /, ''), args, at: Date.now() });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(this.answer(method, args)));
    this.waiters.splice(0).forEach((w) => (w.predicate() ? w.resolve() : this.waiters.push(w)));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    if (method === 'auth.test') return { ok: true, url: 'https://parley-test.slack.com/', team: 'Parley', user: 'parley', team_id: 'T_PARLEY', user_id: 'U_PARLEY', bot_id: 'B_PARLEY' };
    if (method === 'chat.postMessage') {
      const ts = `1764100000.${String(++this.sequence).padStart(6, '0')}`;
      const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
      const broadcast = args.reply_broadcast === true || args.reply_broadcast === 'true';
      this.messages.set(ts, { channel, ts, text: String(args.text ?? ''), blocks: (args.blocks as FakeSlackMessage['blocks']) ?? [], threadTs, ...(broadcast ? { broadcast } : {}) });
      return { ok: true, channel, ts };
    }
    if (method === 'chat.postEphemeral') {
      this.ephemeral.push({ channel, user: String(args.user ?? ''), text: String(args.text ?? '') });
      return { ok: true, message_ts: `1764100000.${String(++this.sequence).padStart(6, '0')}` };
    }
    if (method === 'chat.update') {
      const message = this.messages.get(String(args.ts));
      if (!message) return { ok: false, error: 'message_not_found' };
      Object.assign(message, { text: String(args.text ?? ''), blocks: (args.blocks as FakeSlackMessage['blocks']) ?? [] });
      return { ok: true, channel, ts: message.ts };
    }
    return { ok: false, error: 'unknown_method' };
  }
}
