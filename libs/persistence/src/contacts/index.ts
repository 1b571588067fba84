export * from './contact-row';
export * from './contact-import';
export * from './contact-files';
export * from './contact-merge';
