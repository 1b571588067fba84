export * from './contact-export';
export * from './contact-erasure';
