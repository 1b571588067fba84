export * from './twilio-params';
export * from './twilio-settings';
export * from './verify-twilio-request';
