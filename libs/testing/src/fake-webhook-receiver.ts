import { verifyWebhookSignature } from '@parley/followup';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  deliveryId: string;
  body: unknown;
  status: number;
  signatureValid: boolean;
}

/**
 * A CRM / webhook endpoint on a real port: checks X-Parley-Signature, dedupes on X-Parley-Delivery
 * (a repeat of an accepted delivery is answered 200 and not counted again), and can be told to fail.
 */
export class FakeWebhookReceiver {
  readonly requests: ReceivedDelivery[] = [];
  /** 2xx answers per X-Parley-Delivery key; the effect is applied on the first only (the receiver dedupes). */
  readonly accepted = new Map<string, number>();
  private server: Server | undefined;
  private failuresLeft = 0;
  private refuseWith: number | undefined;
  private waiters: { count: number; resolve: () => void }[] = [];
  url = '';

  /** `latencyMs` holds every answer back that long, like a slow CRM. */
  constructor(
    private readonly secret: string,
    private readonly latencyMs = 0,
  ) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.receive(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/crm`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `n` requests are answered 500 (retryable). */
  failNext(n: number): void {
    this.failuresLeft = n;
  }

  /** Every request is answered with this status (e.g. 422) until called with undefined. */
  refuse(status: number | undefined): void {
    this.refuseWith = status;
  }

  /** Distinct keys whose effect was applied: exactly one per job is the exactly-once promise. */
  get effects(): number {
    return this.accepted.size;
  }

  /** Repeats of an already accepted key: harmless because of the dedupe, but a cost worth seeing. */
  get duplicates(): number {
    return [...this.accepted.values()].reduce((sum, n) => sum + n - 1, 0);
  }

  /** Resolves once `count` distinct deliveries were accepted. */
  waitForAccepted(count: number, timeoutMs = 15_000): Promise<void> {
    if (this.accepted.size >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.accepted.size} of ${count} deliveries accepted`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const deliveryId = String(req.headers['x-parley-delivery'] ?? '');
    const signatureValid = verifyWebhookSignature(this.secret, req.headers['x-parley-signature'] as string | undefined, raw, { toleranceSeconds: 300 });
    let status = 200;
    if (!signatureValid || !deliveryId) status = 401;
    else if (this.refuseWith !== undefined) status = this.refuseWith;
    else if (this.failuresLeft > 0) {
      this.failuresLeft--;
      status = 500;
    }
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      /* kept as text */
    }
    this.requests.push({ deliveryId, body, status, signatureValid });
    if (status === 200) {
      this.accepted.set(deliveryId, (this.accepted.get(deliveryId) ?? 0) + 1);
      this.waiters = this.waiters.filter((w) => (this.accepted.size >= w.count ? (w.resolve(), false) : true));
    }
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status === 200 }));
  }
}
