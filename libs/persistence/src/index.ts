export * from './entities';
export * from './migrations';
export * from './data-source';
export * from './sql/sql-database';
export * from './sql-conversation-store';
export * from './sql-flow-version-store';
