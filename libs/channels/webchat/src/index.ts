export * from './webchat-protocol';
export * from './flood-guard';
export * from './webchat.transport';
export * from './webchat.gateway';
export * from './webchat.module';
