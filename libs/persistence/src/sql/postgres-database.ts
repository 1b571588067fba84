import type { DataSource, QueryRunner } from 'typeorm';
import { SqlDatabase, type SqlTx, type SqlValue } from './sql-database';

const numbered = new Map<string, string>();

function toPostgres(sql: string): string {
  let converted = numbered.get(sql);
  if (converted === undefined) {
    let n = 0;
    converted = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, converted);
  }
  return converted;
}

class PostgresTx implements SqlTx {
  constructor(private readonly runner: QueryRunner) {}

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    const result = await this.runner.query(toPostgres(sql), params, true);
    return result.affected ?? result.records?.length ?? 0;
  }

  async get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    const rows: T[] = await this.runner.query(toPostgres(sql), params);
    return rows[0];
  }

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.runner.query(toPostgres(sql), params);
  }
}

export class PostgresDatabase extends SqlDatabase {
  readonly dialect = 'postgres' as const;
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(sql: string, params?: SqlValue[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await new PostgresTx(runner).run(sql, params);
    } finally {
      await runner.release();
    }
  }

  async get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    const rows: T[] = await this.dataSource.query(toPostgres(sql), params);
    return rows[0];
  }

  all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.dataSource.query(toPostgres(sql), params);
  }

  async transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const value = await work(new PostgresTx(runner));
      await runner.commitTransaction();
      return value;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
