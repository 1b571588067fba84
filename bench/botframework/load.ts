import { percentile } from '../support/process-stats';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BotLoadOptions {
  users: number;
  warmupMs: number;
  measureMs: number;
}

export interface BotLoadResult {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  turns: number;
}

/** Lines of the lead-qualification flow, then free questions (each answered once the flow has ended). */
const SCRIPT = ['Jane', 'jane@acme.io', '50-999'];
const FREE = 'What does it cost?';

/** The Connector side: counts the bot's messages per conversation and activity replied to, and wakes who waits for them. */
class Receiver {
  private readonly counts = new Map<string, number>();
  private readonly waiters = new Map<string, { count: number; resolve: () => void }>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x"}');
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { type?: string };
        if (!match || activity.type !== 'message') return;
        const key = `${decodeURIComponent(match[1])}|${match[2] ? decodeURIComponent(match[2]) : ''}`;
        const count = (this.counts.get(key) ?? 0) + 1;
        this.counts.set(key, count);
        const waiter = this.waiters.get(key);
        if (waiter && count >= waiter.count) {
          this.waiters.delete(key);
          waiter.resolve();
        }
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  wait(conversationId: string, replyToId: string, count: number): Promise<void> {
    const key = `${conversationId}|${replyToId}`;
    if ((this.counts.get(key) ?? 0) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(key, { count, resolve }));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** N users in a closed loop: each posts its next activity as soon as the bot's reply to the previous one arrived. */
export async function runBotLoad(botUrl: string, options: BotLoadOptions): Promise<BotLoadResult> {
  const receiver = new Receiver();
  await receiver.start();
  const latencies: number[] = [];
  const started = Date.now();
  const measureFrom = started + options.warmupMs;
  const stopAt = measureFrom + options.measureMs;

  async function post(activity: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (response.status !== 200) throw new Error(`/api/messages answered ${response.status}: ${await response.text()}`);
  }

  async function user(): Promise<void> {
    const conversation = { id: `bench-${randomUUID()}` };
    const from = { id: `user-${randomUUID()}` };
    const base = { channelId: 'emulator', serviceUrl: receiver.url, conversation, from, recipient: { id: 'bot' } };
    await post({ ...base, type: 'conversationUpdate', id: randomUUID(), membersAdded: [from] });
    await receiver.wait(conversation.id, '', 2);
    for (let turn = 0; Date.now() < stopAt; turn++) {
      const id = randomUUID();
      const sentAt = performance.now();
      await post({ ...base, type: 'message', id, text: SCRIPT[turn] ?? FREE });
      await receiver.wait(conversation.id, id, 1);
      if (Date.now() >= measureFrom && Date.now() < stopAt) latencies.push(performance.now() - sentAt);
    }
  }

  await Promise.all(Array.from({ length: options.users }, user));
  await receiver.stop();
  const sorted = latencies.sort((a, b) => a - b);
  return { turnsPerSecond: latencies.length / (options.measureMs / 1000), p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), turns: latencies.length };
}
