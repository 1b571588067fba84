import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** With REDIS_URL, a message for a visitor reaches them whichever instance holds their socket. */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private closing?: Promise<void>;

  /** `key` prefixes the adapter's Redis channels: one per deployment sharing a Redis (WEBCHAT_REDIS_KEY). */
  constructor(
    app: INestApplicationContext,
    redisUrl: string,
    private readonly key = 'socket.io',
  ) {
    super(app);
    this.pub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    const logger = new Logger('Redis');
    for (const client of [this.pub, this.sub]) client.on('error', (e: Error) => logger.warn(`redis: ${e.message}`));
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.pub, this.sub, { key: this.key }));
    return server;
  }

  /**
   * Nest calls close once per gateway (web chat, dashboard), all sharing one io server and these two clients:
   * the clients are shut down once, after every namespace's close, or a second quit/disconnect races the first.
   */
  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.closing ??= this.quit();
    await this.closing;
  }

  private async quit(): Promise<void> {
    // quit() waits for a reply that never comes while Redis is down; shutdown must not hang on it.
    let timer: NodeJS.Timeout | undefined;
    const quit = Promise.allSettled([this.pub.quit(), this.sub.quit()]);
    await Promise.race([quit, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
    clearTimeout(timer);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
