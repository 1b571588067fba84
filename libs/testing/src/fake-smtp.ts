import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** Header name (lower case) to its raw, unfolded value, as the sender wrote it. */
  headers: Map<string, string>;
  parsed: ParsedMail;
}

/** A real SMTP server on a free local port (no TLS, any login) that keeps every message it accepts, parsed. */
export class FakeSmtp {
  readonly messages: ReceivedEmail[] = [];
  private server: SMTPServer | undefined;
  private waiters: { count: number; resolve: () => void }[] = [];
  url = '';

  /** `latencyMs` holds each answer to DATA back that long, like a slow or overloaded mail server. */
  constructor(private readonly latencyMs = 0) {}

  async start(): Promise<string> {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
            const headers = new Map(parsed.headerLines.map((h) => [h.key.toLowerCase(), h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()]));
            this.messages.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              headers,
              parsed,
            });
            this.notify();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    this.url = `smtp://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Messages sent to this address. */
  to(address: string): ReceivedEmail[] {
    return this.messages.filter((m) => m.envelopeTo.includes(address));
  }

  /** Resolves once `count` messages in all have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake SMTP: ${this.messages.length} of ${count} messages after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private notify(): void {
    const ready = this.waiters.filter((w) => this.messages.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.messages.length < w.count);
    for (const waiter of ready) waiter.resolve();
  }
}
