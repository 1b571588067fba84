import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface FakeSms {
  sid: string;
  accountSid: string;
  to: string;
  from?: string;
  body?: string;
  messagingServiceSid?: string;
  contentSid?: string;
  contentVariables?: string;
  statusCallback?: string;
  mediaUrl: string[];
  status: string;
  numSegments: number;
  dateCreated: Date;
}

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /** Statuses posted, signed, to each message's StatusCallback after it is accepted (e.g. ['sent', 'delivered']). */
  autoStatuses?: string[];
}

type Waiter = { count: number; resolve: () => void };

const MESSAGES = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

function roughSegments(body: string): number {
  const gsm = /^[\x20-\x7e\n\r£¥èéùìòÇØøÅåÉÆæßÄÖÑÜäöñüà§¿¡€]*$/.test(body);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return body.length <= single ? 1 : Math.ceil(body.length / multi);
}

/** A local stand-in for the part of Twilio's REST API Parley uses, speaking real HTTP. */
export class FakeTwilio {
  readonly sent: FakeSms[] = [];
  private readonly failures: { status: number; code: number; message: string }[] = [];
  private readonly optedOut = new Set<string>();
  private readonly waiters: Waiter[] = [];
  private callbackBase?: string;
  private server?: Server;
  url = '';

  constructor(private readonly options: FakeTwilioOptions) {}

  async start(): Promise<{ url: string }> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return { url: this.url };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` sends fail with this HTTP status and Twilio error code. */
  failNext(count: number, status = 500, code = 20500, message = 'Internal Server Error'): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, code, message });
  }

  /** Sends to this number are refused as Twilio refuses unsubscribed recipients (error 21610). */
  optOut(number: string): void {
    this.optedOut.add(number);
  }

  /** Status callbacks name the public URL; they are posted to `localBase` instead (same path and query). */
  routeCallbacksTo(localBase: string): void {
    this.callbackBase = localBase;
  }

  sentTo(to: string): FakeSms[] {
    return this.sent.filter((m) => m.to === to);
  }

  /** Resolves once `count` messages in all have been accepted. */
  waitForSent(count: number, timeoutMs = 5000): Promise<FakeSms[]> {
    if (this.sent.length >= count) return Promise.resolve(this.sent);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} SMS, got ${this.sent.length}: ${JSON.stringify(this.sent.map((m) => m.body))}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(this.sent)) });
    });
  }

  /** Posts a status callback for a sent message, signed like Twilio's; returns the HTTP status. */
  async postStatus(message: FakeSms, status: string, errorCode?: string): Promise<number> {
    if (!message.statusCallback) throw new Error(`message ${message.sid} has no StatusCallback`);
    const params: Record<string, string> = {
      AccountSid: message.accountSid,
      ApiVersion: '2010-04-01',
      From: message.from ?? '',
      MessageSid: message.sid,
      MessageStatus: status,
      SmsSid: message.sid,
      SmsStatus: status,
      To: message.to,
      ...(errorCode ? { ErrorCode: errorCode } : {}),
    };
    const signature = twilio.getExpectedTwilioSignature(this.options.authToken, message.statusCallback, params);
    const target = new URL(message.statusCallback);
    const url = this.callbackBase ? `${this.callbackBase}${target.pathname}${target.search}` : target.toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params),
    });
    return response.status;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = MESSAGES.exec(new URL(req.url ?? '/', this.url).pathname);
    if (req.method !== 'POST' || !match) return this.error(res, 404, 20404, 'The requested resource was not found');
    if (!this.authorised(req, match[1])) return this.error(res, 401, 20003, 'Authenticate');
    const failure = this.failures.shift();
    if (failure) return this.error(res, failure.status, failure.code, failure.message);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const to = form.get('To');
    const from = form.get('From') ?? undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
    const body = form.get('Body') ?? undefined;
    const mediaUrl = form.getAll('MediaUrl');
    const contentSid = form.get('ContentSid') ?? undefined;
    if (!to) return this.error(res, 400, 21604, "A 'To' phone number is required.");
    if (!from && !messagingServiceSid) return this.error(res, 400, 21603, "A 'From' phone number is required.");
    if (!body && !mediaUrl.length && !contentSid) return this.error(res, 400, 21602, 'Message body is required.');
    if (this.optedOut.has(to)) return this.error(res, 400, 21610, 'Attempt to send to unsubscribed recipient');
    const message: FakeSms = {
      sid: sid('SM'),
      accountSid: match[1],
      to,
      from,
      body,
      messagingServiceSid,
      contentSid,
      contentVariables: form.get('ContentVariables') ?? undefined,
      statusCallback: form.get('StatusCallback') ?? undefined,
      mediaUrl,
      status: 'queued',
      numSegments: body ? roughSegments(body) : 1,
      dateCreated: new Date(),
    };
    this.sent.push(message);
    this.json(res, 201, this.resource(message));
    this.waiters.splice(0).forEach((w) => (this.sent.length >= w.count ? w.resolve() : this.waiters.push(w)));
    void this.autoStatus(message);
  }

  private authorised(req: IncomingMessage, accountSid: string): boolean {
    const expected = `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64')}`;
    return accountSid === this.options.accountSid && req.headers.authorization === expected;
  }

  private async autoStatus(message: FakeSms): Promise<void> {
    for (const status of this.options.autoStatuses ?? []) {
      if (!message.statusCallback) return;
      message.status = status;
      await this.postStatus(message, status).catch(() => undefined);
    }
  }

  private resource(m: FakeSms): Record<string, unknown> {
    const uri = `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}.json`;
    return {
      account_sid: m.accountSid,
      api_version: '2010-04-01',
      body: m.body ?? '',
      date_created: m.dateCreated.toUTCString(),
      date_sent: null,
      date_updated: m.dateCreated.toUTCString(),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: m.from ?? null,
      messaging_service_sid: m.messagingServiceSid ?? null,
      num_media: String(m.mediaUrl.length),
      num_segments: String(m.numSegments),
      price: null,
      price_unit: 'USD',
      sid: m.sid,
      status: m.status,
      subresource_uris: { media: uri.replace('.json', '/Media.json') },
      to: m.to,
      uri,
    };
  }

  private error(res: ServerResponse, status: number, code: number, message: string): void {
    this.json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
