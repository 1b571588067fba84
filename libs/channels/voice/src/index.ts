export * from './voice-options';
export * from './voice.transport';
export * from './voice.module';
export * from './spoken-prompt';
export * from './voice-locale';
export * from './alexa';
