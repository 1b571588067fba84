export * from './temp-postgres';
