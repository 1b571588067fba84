import { createTempPostgres, testPostgresUrl } from './temp-postgres';

export interface PreparedDatabase {
  target: { dialect: 'sqlite' | 'postgres'; location: string };
  cleanup: () => Promise<void>;
}

/** In-memory SQLite always, plus a fresh PostgreSQL database where TEST_DATABASE_URL is set: for describe.each. */
export function testDatabaseTargets(): [string, () => Promise<PreparedDatabase>][] {
  const targets: [string, () => Promise<PreparedDatabase>][] = [
    ['sqlite', async () => ({ target: { dialect: 'sqlite', location: ':memory:' }, cleanup: async () => undefined })],
  ];
  const base = testPostgresUrl();
  if (base) {
    targets.push([
      'postgres',
      async () => {
        const temp = await createTempPostgres(base);
        return { target: { dialect: 'postgres', location: temp.url }, cleanup: () => temp.drop() };
      },
    ]);
  }
  return targets;
}
