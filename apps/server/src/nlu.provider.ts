import { Logger, type Provider } from '@nestjs/common';
import type { Understanding } from '@parley/core';
import type { ParleyConfig } from '@parley/config';
import { LanguageUnderstanding } from '@parley/engine';
import { NluService, loadNluConfig, type IntentExample } from '@parley/nlu';
import { SqlMisunderstoodQueue } from '@parley/persistence';
import { join, resolve } from 'node:path';
import type { OpenDatabase } from './database.provider';
import { CONFIG, DATABASE } from './tokens';

/** The NLU behind the engine's port; retraining swaps the model without stopping the chat. */
export class RetrainableUnderstanding extends LanguageUnderstanding {
  private readonly logger = new Logger('NLU');
  private service?: NluService;

  constructor(
    private readonly config: ParleyConfig,
    private readonly queue: SqlMisunderstoodQueue,
  ) {
    super();
  }

  understand(text: string, options: { locale?: string; expected?: string[] }): Understanding {
    return this.service!.understand(text, options);
  }

  /** Trains on flows/nlu plus every labelled misunderstood utterance; returns how many examples it used. */
  async retrain(): Promise<{ examples: number; labelled: number; languages: string[] }> {
    const started = Date.now();
    const files = this.loadFiles();
    const labelled: IntentExample[] = (await this.queue.list({ labelled: true, limit: 100_000, offset: 0 })).map((u) => ({
      text: u.text,
      intent: u.label!,
      locale: u.locale ?? undefined,
    }));
    const examples = [...files.examples, ...labelled];
    this.service = await NluService.create({
      examples,
      threshold: files.threshold,
      intentThresholds: files.intentThresholds,
      modelDir: join(resolve(this.config.DATA_DIR), 'nlu'),
    });
    this.logger.log(`${examples.length} intent examples (${labelled.length} labelled), ready in ${Date.now() - started} ms`);
    return { examples: examples.length, labelled: labelled.length, languages: this.service.languages };
  }

  private loadFiles(): ReturnType<typeof loadNluConfig> {
    try {
      return loadNluConfig(resolve(this.config.FLOWS_DIR));
    } catch (error) {
      this.logger.error(`intent examples not loaded, understanding entities only: ${error instanceof Error ? error.message : error}`);
      return { examples: [], intentThresholds: {} };
    }
  }
}

export const nluProvider: Provider = {
  provide: RetrainableUnderstanding,
  inject: [CONFIG, DATABASE],
  useFactory: async (config: ParleyConfig, db: OpenDatabase) => {
    const understanding = new RetrainableUnderstanding(config, new SqlMisunderstoodQueue(db.sql));
    await understanding.retrain();
    return understanding;
  },
};
