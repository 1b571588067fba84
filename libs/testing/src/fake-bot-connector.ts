import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity a bot sent to the Connector REST API. */
export interface ConnectorDelivery {
  conversationId: string;
  /** From the path: POST /v3/conversations/:id/activities/:replyToId. */
  replyToId?: string;
  activity: Record<string, unknown> & { type?: string; text?: string; replyToId?: string };
  authorization?: string;
  id: string;
}

export interface ChannelTokenClaims {
  /** The bot's app id (the token's audience). */
  appId: string;
  /** Must equal the activity's serviceUrl. */
  serviceUrl: string;
  issuer?: string;
  expiresInSeconds?: number;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * The Bot Framework side of a channel on a real port. It is the Connector REST API that bots reply to (the activities'
 * serviceUrl): it records every activity posted to a conversation. It also plays the channel's token service: it
 * publishes OpenID metadata with a signing key (point the bot's OpenID metadata URL at `openIdMetadataUrl`) and signs
 * channel tokens with it, as the Bot Framework signs the activities it forwards to a bot.
 */
export class FakeBotConnector {
  readonly deliveries: ConnectorDelivery[] = [];
  readonly keyId = `fake-key-${randomUUID()}`;
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private server: Server | undefined;
  private sequence = 0;
  private failuresLeft = 0;
  url = '';

  constructor(private readonly endorsements: string[] = ['emulator', 'webchat', 'msteams', 'directline']) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.receive(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get openIdMetadataUrl(): string {
    return `${this.url}v1/.well-known/openidconfiguration`;
  }

  /** A channel token as the Bot Framework sends it: RS256 with our published key, for `appId`, bound to the serviceUrl. */
  signToken(claims: ChannelTokenClaims): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.keyId };
    const payload = {
      iss: claims.issuer ?? BOT_FRAMEWORK_ISSUER,
      aud: claims.appId,
      serviceurl: claims.serviceUrl,
      nbf: now - 5,
      iat: now - 5,
      exp: now + (claims.expiresInSeconds ?? 3600),
    };
    const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    return `${signed}.${base64url(sign('RSA-SHA256', Buffer.from(signed), this.privateKey))}`;
  }

  /** The next `n` activity posts are answered 503, as the Connector does when it is overloaded. */
  failNext(n: number): void {
    this.failuresLeft = n;
  }

  /** What was posted to one conversation, oldest first. */
  to(conversationId: string): ConnectorDelivery[] {
    return this.deliveries.filter((d) => d.conversationId === conversationId);
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) throw new Error('the fake Bot Connector did not receive what was expected in time');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '/';
    if (req.method === 'GET' && path.startsWith('/v1/.well-known/openidconfiguration')) {
      return this.json(res, 200, { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.url}v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && path.startsWith('/v1/keys')) {
      return this.json(res, 200, { keys: [{ ...this.publicJwk, kid: this.keyId, use: 'sig', alg: 'RS256', endorsements: this.endorsements }] });
    }
    const match = ACTIVITY_PATH.exec(path);
    if (req.method !== 'POST' || !match) return this.json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      return this.json(res, 503, { error: { code: 'ServiceUnavailable', message: 'try again' } });
    }
    let activity: ConnectorDelivery['activity'];
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ConnectorDelivery['activity'];
    } catch {
      return this.json(res, 400, { error: { code: 'BadArgument', message: 'not JSON' } });
    }
    const id = `bf-${++this.sequence}`;
    this.deliveries.push({
      conversationId: decodeURIComponent(match[1]),
      ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
      activity,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      id,
    });
    this.json(res, 200, { id });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
