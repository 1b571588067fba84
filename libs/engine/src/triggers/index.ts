export * from './trigger-schema';
export * from './jobs-from-triggers';
export * from './load-triggers';
