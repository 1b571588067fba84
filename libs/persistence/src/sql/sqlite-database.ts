import type { Database, Statement } from 'better-sqlite3';
import { SqlDatabase, type SqlTx, type SqlValue } from './sql-database';

const toSqlite = (params: SqlValue[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

/** better-sqlite3 is synchronous; transactions are serialised in-process because SQLite has one writer. */
export class SqliteDatabase extends SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private tail: Promise<unknown> = Promise.resolve();

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
    const result = this.tail.then(async () => {
      this.prepare('BEGIN IMMEDIATE').run();
      try {
        const value = await work(this);
        this.prepare('COMMIT').run();
        return value;
      } catch (error) {
        if (this.db.inTransaction) this.prepare('ROLLBACK').run();
        throw error;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
