export * from './conversation-retention';
