export * from './conversation-store.port';
export * from './channel-transport.port';
export * from './language-understanding.port';
export * from './flow-catalog.port';
export * from './handoff-desk.port';
export * from './inbound-compliance.port';
export * from './clock.port';
export * from './lead-standing.port';
