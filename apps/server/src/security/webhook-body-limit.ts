import type { FastifyInstance } from 'fastify';

/** Provider webhooks are small forms; anything larger is refused with 413 before it is parsed. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

/** Must run before the routes are registered (Nest registers them on init, i.e. on listen). */
export function limitWebhookBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/webhooks/')) route.bodyLimit = Math.min(route.bodyLimit ?? WEBHOOK_BODY_LIMIT_BYTES, WEBHOOK_BODY_LIMIT_BYTES);
  });
}
