import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the PostgreSQL at `baseUrl`, dropped afterwards. */
export async function createTempPostgres(baseUrl: string): Promise<TempDatabase> {
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The PostgreSQL that CI provides (.ci/run exports it); undefined where none is configured. */
export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}
