export * from './sql-score-ledger';
export * from './sql-segments';
export { loadContactFacts } from './contact-facts-query';
