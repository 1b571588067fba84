import type { FastifyInstance } from 'fastify';

const ADMIN_PREFIX = '/api/v1';
const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'authorization, content-type';

/**
 * CORS for the admin API only, locked to configured origins (none by default: browsers on other sites get no
 * access). Preflights are answered here; an origin not on the list gets 403 and no CORS headers.
 */
export function registerAdminCors(fastify: FastifyInstance, origins: readonly string[]): void {
  const allowed = new Set(origins);
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(ADMIN_PREFIX)) return;
    const origin = request.headers.origin;
    const permitted = typeof origin === 'string' && allowed.has(origin);
    reply.header('vary', 'Origin');
    if (permitted) reply.header('access-control-allow-origin', origin);
    if (request.method !== 'OPTIONS') return;
    if (!permitted) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'origin not allowed' });
    return reply
      .code(204)
      .header('access-control-allow-methods', ALLOW_METHODS)
      .header('access-control-allow-headers', ALLOW_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  });
}
