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
 * Transactions requested in the same event-loop turn share one COMMIT (group commit), each inside its own
 * SAVEPOINT so one that fails rolls back alone; callers hear back only after the COMMIT.
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
    const outcomes: (() => void)[] = [];
    this.prepare('BEGIN IMMEDIATE').run();
    try {
      for (const item of batch) {
        this.prepare('SAVEPOINT turn').run();
        try {
          const value = await item.work(this);
          this.prepare('RELEASE turn').run();
          outcomes.push(() => item.resolve(value));
        } catch (error) {
          this.prepare('ROLLBACK TO turn').run();
          this.prepare('RELEASE turn').run();
          outcomes.push(() => item.reject(error));
        }
      }
      this.prepare('COMMIT').run();
    } catch (error) {
      if (this.db.inTransaction) this.prepare('ROLLBACK').run();
      batch.forEach((item) => item.reject(error));
      return;
    }
    outcomes.forEach((settle) => settle());
  }
}
