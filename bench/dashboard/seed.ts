import { openDatabase, parseDatabaseUrl } from '@parley/persistence';
import { seedDashboardData } from './seed-data';

/**
 * Fills a database with dashboard-sized data (migrations are applied first).
 * Usage: node dist/bench/dashboard/seed.js [--database sqlite:./data/parley.sqlite] [--contacts 10000] [--messages 50000]
 */
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

async function main(): Promise<void> {
  const db = await openDatabase(parseDatabaseUrl(arg('database', 'sqlite:./data/parley.sqlite')));
  try {
    const report = await seedDashboardData(db.sql, { contacts: Number(arg('contacts', '10000')), messages: Number(arg('messages', '50000')) });
    console.log(JSON.stringify(report));
  } finally {
    await db.dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
