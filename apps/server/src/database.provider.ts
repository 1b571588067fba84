import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { openDatabase, parseDatabaseUrl, type SqlDatabase } from '@parley/persistence';
import type { DataSource } from 'typeorm';
import { CONFIG, DATABASE } from './tokens';

export interface OpenDatabase {
  dataSource: DataSource;
  sql: SqlDatabase;
}

export const databaseProvider: Provider = {
  provide: DATABASE,
  inject: [CONFIG],
  useFactory: async (config: ParleyConfig): Promise<OpenDatabase> => {
    const target = parseDatabaseUrl(config.DATABASE_URL);
    const db = await openDatabase(target);
    new Logger('Database').log(`${target.dialect} ready, migrations applied`);
    return db;
  },
};

@Injectable()
export class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.db.dataSource.isInitialized) await this.db.dataSource.destroy();
  }
}
