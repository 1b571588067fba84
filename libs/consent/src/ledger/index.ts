export * from './consent-types';
export * from './consent-chain';
export * from './consent-status';
