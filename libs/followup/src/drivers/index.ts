export * from './queue-outbox.port';
export * from './bullmq-job-id';
export * from './bullmq-processor';
export * from './bullmq-relay';
export * from './bullmq-driver';
