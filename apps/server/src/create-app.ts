import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ParleyConfig } from '@parley/config';
import { AppModule, type AppDrivers } from './app.module';
import { acceptCsvOnImport } from './admin/csv-body';
import { serveOpenApi } from './openapi';
import { RedisIoAdapter } from './redis-io.adapter';
import { keepRawBody } from './raw-body';
import { harden } from './security/harden';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Webhook and API bodies above this are refused with 413 before any handler runs. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** `drivers` replaces outside services the app would otherwise reach itself (tests use it for Amazon's certificates). */
export async function createApp(config: ParleyConfig, drivers: AppDrivers = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, drivers),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: config.TRUST_PROXY }),
    { logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1), abortOnError: false },
  );
  keepRawBody(app.getHttpAdapter().getInstance(), BODY_LIMIT_BYTES);
  acceptCsvOnImport(app.getHttpAdapter().getInstance());
  await harden(app, config);
  serveOpenApi(app);
  if (config.REDIS_URL) app.useWebSocketAdapter(new RedisIoAdapter(app, config.REDIS_URL, config.WEBCHAT_REDIS_KEY));
  return app;
}

export async function startApp(config: ParleyConfig): Promise<NestFastifyApplication> {
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('Parley').log(`listening on http://localhost:${config.PORT} (${config.DATABASE_URL.split(':')[0]})`);
  return app;
}
