export * from './temp-postgres';
export * from './fake-twilio';
export * from './fake-webhook-receiver';
export * from './test-database-targets';
export * from './fake-smtp';
export * from './fake-slack';
export * from './fake-hubspot';
export * from './echo-engine-fixtures';
