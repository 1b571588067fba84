export * from './job-store.port';
export * from './backoff';
export * from './job-handler';
export * from './job-worker';
export * from './webhook-signature';
export * from './webhook-handler';
export * from './email';
export * from './drivers';
