export * from './campaign';
export * from './audience-source.port';
export * from './campaign-store.port';
export * from './campaign-template';
export * from './campaign-sender';
export * from './outbound-gate';
export * from './send-pacer';
export * from './create-campaign';
