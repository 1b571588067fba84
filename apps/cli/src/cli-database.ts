import { loadConfig } from '@parley/config';
import { openDatabase, parseDatabaseUrl, type SqlDatabase } from '@parley/persistence';

/** Opens DATABASE_URL (the server's database; migrations applied), runs the work, and closes it. */
export async function withDatabase<T>(work: (sql: SqlDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { dataSource, sql } = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
  try {
    return await work(sql);
  } finally {
    await dataSource.destroy();
  }
}
