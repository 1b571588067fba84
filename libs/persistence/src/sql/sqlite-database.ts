import type { Database, Statement } from 'better-sqlite3';
import { SqlDatabase, type SqlTx, type SqlValue } from './sql-database';

const toSqlite = (params: SqlValue[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

interface PendingWork {
  work: (tx: SqlTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * better-sqlite3 is synchronous and SQLite has one writer, so transactions are serialised in-process.
 * Transactions requested in the same event-loop turn share one COMMIT (group commit); callers hear back only
 * after it. If one of them throws, the batch is rolled back and each is run again in a transaction of its own.
 */
export class SqliteDatabase extends SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private pending: PendingWork[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(private readonly db: Database) {
    super();
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return this.prepare(sql).run(toSqlite(params)).changes;
  }

  async get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return this.prepare(sql).get(toSqlite(params)) as T | undefined;
  }

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.prepare(sql).all(toSqlite(params)) as T[];
  }

  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.flushing = this.flushing.then(() => this.flush());
        });
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.inOneTransaction(batch);
      batch.forEach((item, i) => item.resolve(values[i]));
    } catch {
      // One of them failed: run each alone, so the failure stays with its own caller.
      for (const item of batch) {
        await this.inOneTransaction([item]).then(([value]) => item.resolve(value), item.reject);
      }
    }
  }

  private async inOneTransaction(batch: PendingWork[]): Promise<unknown[]> {
    this.prepare('BEGIN IMMEDIATE').run();
    try {
      const values: unknown[] = [];
      for (const item of batch) values.push(await item.work(this));
      this.prepare('COMMIT').run();
      return values;
    } catch (error) {
      if (this.db.inTransaction) this.prepare('ROLLBACK').run();
      throw error;
    }
  }
}
