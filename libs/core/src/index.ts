export * from './channel';
export * from './messages';
export * from './ids';
export * from './errors';
export * from './understanding';
export * from './seeded-random';
