import { createTempPostgres, testPostgresUrl, type TempDatabase } from '@parley/testing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropKeys } from './redis-keys';
import { spawnApp, type SpawnedApp } from './spawn-app';

export const scaleTargets = () => ({ databaseUrl: testPostgresUrl(), redisUrl: process.env.TEST_REDIS_URL || undefined });

/** Why a scale test cannot run here, or undefined when it can. */
export function scaleSkipReason(): string | undefined {
  const { databaseUrl, redisUrl } = scaleTargets();
  return databaseUrl && redisUrl ? undefined : 'skipped: needs TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both)';
}

export interface StoredLine {
  sender: string;
  text: string;
}

/**
 * Server instances sharing one fresh PostgreSQL database and one Redis, under key prefixes of their own
 * (job queue and socket.io adapter channels), so concurrent test runs on the same Redis never cross-talk.
 */
export class ScaleCluster {
  readonly prefix = `parley-test-${randomBytes(5).toString('hex')}`;
  readonly instances: SpawnedApp[] = [];
  private database: TempDatabase | undefined;
  env: Record<string, string> = {};

  async start(extraEnv: Record<string, string>): Promise<void> {
    const { databaseUrl, redisUrl } = scaleTargets();
    this.database = await createTempPostgres(databaseUrl!);
    this.env = {
      DATABASE_URL: this.database.url,
      REDIS_URL: redisUrl!,
      JOBS_QUEUE_PREFIX: this.prefix,
      WEBCHAT_REDIS_KEY: `${this.prefix}-io`,
      FLOWS_DIR: join(__dirname, '../fixtures/scale-flows'),
      ENTRY_FLOW: 'echo-push',
      WEBCHAT_FLOOD_MESSAGES: '100000',
      JOBS_POLL_MS: '50',
      ...extraEnv,
    };
  }

  async spawn(): Promise<SpawnedApp> {
    const instance = await spawnApp(this.env);
    this.instances.push(instance);
    return instance;
  }

  /** Every message of every conversation on `channel`, by address, in conversation order. */
  async transcripts(channel: string): Promise<Map<string, StoredLine[]>> {
    const rows = await this.query<{ address: string; sender: string; text: string }>(
      `SELECT c.address, m.sender, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.channel = $1 ORDER BY c.address, m.position`,
      [channel],
    );
    const byAddress = new Map<string, StoredLine[]>();
    for (const row of rows) byAddress.set(row.address, [...(byAddress.get(row.address) ?? []), { sender: row.sender, text: row.text }]);
    return byAddress;
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.database!.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.kill()));
    await this.database?.drop();
    const { redisUrl } = scaleTargets();
    if (redisUrl) await dropKeys(redisUrl, this.prefix);
  }
}
