export * from './alexa-options';
export * from './alexa-certificate-source.port';
export * from './alexa.module';
export * from './alexa.transport';
export { ALEXA_LINES } from './alexa-skill.service';
