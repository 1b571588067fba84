import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { PostgresDatabase } from './sql/postgres-database';
import type { SqlDatabase } from './sql/sql-database';
import { SqliteDatabase } from './sql/sqlite-database';

export interface DatabaseTarget {
  dialect: 'sqlite' | 'postgres';
  /** A file path or ':memory:' for SQLite, a connection URL for PostgreSQL. */
  location: string;
}

/** `sqlite:./data/parley.sqlite`, `sqlite::memory:` or `postgres://…`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', location: url.slice('sqlite:'.length) || ':memory:' };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

export function createDataSource(target: DatabaseTarget): DataSource {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false, logging: false };
  if (target.dialect === 'postgres') {
    return new DataSource({ ...common, type: 'postgres', url: target.location, extra: { max: 20 } });
  }
  if (target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: target.location,
    enableWAL: target.location !== ':memory:',
    prepareDatabase: (db: Database) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      // Larger page cache and rarer checkpoints: the chat's hot pages stay in memory, fsync happens less often.
      db.pragma('cache_size = -65536');
      db.pragma('wal_autocheckpoint = 8000');
      db.pragma('foreign_keys = ON');
    },
  });
}

export async function openDatabase(target: DatabaseTarget): Promise<{ dataSource: DataSource; sql: SqlDatabase }> {
  const dataSource = createDataSource(target);
  await dataSource.initialize();
  await runMigrationsOnce(dataSource, target);
  const sql: SqlDatabase =
    target.dialect === 'postgres'
      ? new PostgresDatabase(dataSource)
      : new SqliteDatabase((dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection);
  return { dataSource, sql };
}

/** Instances starting together on one PostgreSQL take turns, so a migration never runs twice. */
async function runMigrationsOnce(dataSource: DataSource, target: DatabaseTarget): Promise<void> {
  if (target.dialect !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(7310842)');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(7310842)').catch(() => undefined);
    await lock.release();
  }
}
