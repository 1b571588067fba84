export * from './ports';
export * from './keyed-queue';
export * from './transport-registry';
export * from './default-adapters';
export * from './in-memory-flow-catalog';
export * from './conversation-engine';
export * from './plan-turn';
export * from './in-memory-conversation-store';
