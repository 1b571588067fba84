import IORedis from 'ioredis';

/** How many keys a test run holds under `<prefix>:*` (the bullmq driver's queue). */
export async function countKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    return (await redis.keys(`${prefix}:*`)).length;
  } finally {
    redis.disconnect();
  }
}

/** Deletes a test run's keys (`<prefix>:*`) so a shared Redis does not fill up with finished test queues. */
export async function dropKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Redis settings for one test deployment: its own job-queue prefix and socket.io channel key, so concurrent runs on one Redis never cross-talk. */
export function isolatedRedisEnv(redisUrl: string): { REDIS_URL: string; JOBS_QUEUE_PREFIX: string; WEBCHAT_REDIS_KEY: string } {
  const id = `parley-e2e-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  return { REDIS_URL: redisUrl, JOBS_QUEUE_PREFIX: id, WEBCHAT_REDIS_KEY: `${id}-io` };
}
