export * from './campaign-rows';
export * from './sql-campaign-store';
export * from './sql-audience-source';
