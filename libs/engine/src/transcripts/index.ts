export * from './transcript.schema';
export * from './load-transcript';
export * from './transcript-adapters';
export * from './observe-flow-actions';
export * from './check-expectations';
export * from './run-transcript';
export * from './run-transcript-files';
export * from './format-transcript-results';
