import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ParleyConfig } from '@parley/config';
import { registerAdminCors } from './admin-cors';
import { registerRateLimits } from './rate-limits';
import { registerSecurityHeaders } from './security-headers';
import { limitWebhookBodies } from './webhook-body-limit';

/** Headers, admin CORS, rate limits and webhook body limits; call before the app's routes are registered. */
export async function harden(app: NestFastifyApplication, config: ParleyConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  limitWebhookBodies(fastify);
  await registerSecurityHeaders(app);
  registerAdminCors(fastify, config.ADMIN_CORS_ORIGINS);
  registerRateLimits(fastify, {
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    apiPerKey: config.RATE_LIMIT_API_PER_KEY,
    apiPerIp: config.RATE_LIMIT_API_PER_IP,
    webhookPerIp: config.RATE_LIMIT_WEBHOOK_PER_IP,
  });
}
