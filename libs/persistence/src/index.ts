export * from './entities';
export * from './migrations';
export * from './data-source';
export * from './sql/sql-database';
export * from './sql-conversation-store';
