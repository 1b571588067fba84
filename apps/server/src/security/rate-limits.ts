import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SlidingWindowLimiter } from './sliding-window-limiter';

export interface RateLimitOptions {
  windowMs: number;
  apiPerKey: number;
  apiPerIp: number;
  webhookPerIp: number;
}

const refuse = (reply: FastifyReply, retryAfterSeconds: number) =>
  reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .send({ statusCode: 429, error: 'Too Many Requests', message: `rate limit reached; retry in ${retryAfterSeconds} s` });

/** The key's hash, never the key itself, is what the limiter keeps in memory. */
const bearerOf = (authorization: string | undefined) => {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match ? createHash('sha256').update(match[1]).digest('hex').slice(0, 32) : undefined;
};

/** Where partners call us back: provider webhooks, and the Bot Framework's messaging endpoint. */
const isPartnerCallback = (url: string) => url.startsWith('/webhooks/') || url === '/api/messages' || url.startsWith('/api/messages?');

/** Per API key and per IP on /api/v1, per IP on /webhooks and /api/messages; over the limit is 429 with Retry-After. */
export function registerRateLimits(fastify: FastifyInstance, options: RateLimitOptions): void {
  const perKey = new SlidingWindowLimiter(options.apiPerKey, options.windowMs);
  const apiPerIp = new SlidingWindowLimiter(options.apiPerIp, options.windowMs);
  const webhookPerIp = new SlidingWindowLimiter(options.webhookPerIp, options.windowMs);
  fastify.addHook('onRequest', async (request, reply) => {
    if (isPartnerCallback(request.url)) {
      const verdict = webhookPerIp.hit(request.ip);
      if (!verdict.allowed) return refuse(reply, verdict.retryAfterSeconds);
      return;
    }
    if (!request.url.startsWith('/api/v1')) return;
    const byIp = apiPerIp.hit(request.ip);
    if (!byIp.allowed) return refuse(reply, byIp.retryAfterSeconds);
    const key = bearerOf(request.headers.authorization);
    const byKey = key ? perKey.hit(key) : byIp;
    if (!byKey.allowed) return refuse(reply, byKey.retryAfterSeconds);
  });
}
