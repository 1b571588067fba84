export * from './temp-postgres';
export * from './fake-twilio';
