export * from './job-rows';
export * from './sql-job-store';
