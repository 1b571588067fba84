export * from './job-rows';
export * from './sql-job-store';
export * from './sql-queue-outbox';
