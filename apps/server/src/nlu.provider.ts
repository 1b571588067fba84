import { Logger, type Provider } from '@nestjs/common';
import type { Understanding } from '@parley/core';
import type { ParleyConfig } from '@parley/config';
import { LanguageUnderstanding } from '@parley/engine';
import { NluService, loadNluConfig } from '@parley/nlu';
import { join, resolve } from 'node:path';
import { CONFIG } from './tokens';

class NluUnderstanding extends LanguageUnderstanding {
  constructor(private readonly nlu: NluService) {
    super();
  }

  understand(text: string, options: { locale?: string; expected?: string[] }): Understanding {
    return this.nlu.understand(text, options);
  }
}

/** Trains (or loads the cached model for) the intents of FLOWS_DIR/nlu; a bad intents file leaves entities only. */
export const nluProvider: Provider = {
  provide: LanguageUnderstanding,
  inject: [CONFIG],
  useFactory: async (config: ParleyConfig): Promise<LanguageUnderstanding> => {
    const logger = new Logger('NLU');
    const nlu = loadNluConfigSafely(config, logger);
    const started = Date.now();
    const service = await NluService.create({
      examples: nlu.examples,
      threshold: nlu.threshold,
      intentThresholds: nlu.intentThresholds,
      modelDir: join(resolve(config.DATA_DIR), 'nlu'),
    });
    logger.log(`${nlu.examples.length} intent examples, languages [${service.languages.join(', ')}], ready in ${Date.now() - started} ms`);
    return new NluUnderstanding(service);
  },
};

function loadNluConfigSafely(config: ParleyConfig, logger: Logger): ReturnType<typeof loadNluConfig> {
  try {
    return loadNluConfig(resolve(config.FLOWS_DIR));
  } catch (error) {
    logger.error(`intent examples not loaded, understanding entities only: ${error instanceof Error ? error.message : error}`);
    return { examples: [], intentThresholds: {} };
  }
}
