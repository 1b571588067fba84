export * from './flow-schema';
export * from './step-types';
export * from './step';
export * from './template';
export * from './answer-validators';
export * from './flow-problems';
export * from './flow-loader';
