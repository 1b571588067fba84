export type SqlValue = string | number | null | boolean;

/** Statements inside one transaction; `?` placeholders on every dialect. */
export interface SqlTx {
  run(sql: string, params?: SqlValue[]): Promise<number>;
  get<T>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
}

/**
 * The hot path's access to the database: prepared, parameterised SQL on the connection TypeORM opened.
 * TypeORM's entity manager costs several times more per statement than the turn budget allows.
 */
export abstract class SqlDatabase implements SqlTx {
  abstract readonly dialect: 'sqlite' | 'postgres';
  abstract run(sql: string, params?: SqlValue[]): Promise<number>;
  abstract get<T>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  abstract all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  abstract transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
}
