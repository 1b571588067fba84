import type { Understanding } from '@parley/core';

/** Intents and entities for a text; `expected` names the entity types the flow is waiting for. */
export abstract class LanguageUnderstanding {
  abstract understand(text: string, options: { locale?: string; expected?: string[] }): Understanding | Promise<Understanding>;
}
