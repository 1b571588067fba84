import type { Understanding } from '@parley/core';
import { crossValidatedTemperature } from './classifier/calibration';
import type { IntentModel } from './classifier/intent-model';
import { loadModel, modelKey, saveModel } from './classifier/model-store';
import { trainIntentModel } from './classifier/train-intent-model';
import { extractEntities } from './entities/extract-entities';
import { DEFAULT_LOCALE, languageOf, type IntentExample } from './examples/intent-example';
import { DEFAULT_AMBIGUITY_MARGIN, DEFAULT_THRESHOLD, decideIntent, type DecisionOptions } from './understanding/decide-intent';

export interface NluServiceOptions {
  examples: IntentExample[];
  /** Where trained models are cached, keyed by a hash of their examples (e.g. data/nlu). None: train in memory. */
  modelDir?: string;
  /** Region for phone numbers without a country code. Default 'US'. */
  defaultRegion?: string;
  clock?: () => Date;
  seed?: number;
  threshold?: number;
  intentThresholds?: Record<string, number>;
  ambiguityMargin?: number;
  /** Locale used when `understand` gets none, or one without a model. Default 'en'. */
  defaultLocale?: string;
}

export interface UnderstandOptions {
  locale?: string;
  /** Entity types the conversation waits for (e.g. ['email']); 'person_name' or 'text' allow name extraction. */
  expected?: readonly string[];
}

/** Cross-validating the temperature costs k trainings: worth it for flow-sized example sets only. */
const CALIBRATION_LIMIT = 2_000;
/** Messages through every extractor at start-up load their libraries and compile their patterns. */
const WARM_UP = ["I'm Jane, jane@acme.io, acme.io, $5, 10%, 3 seats; call +1 415 555 2671 tomorrow at 3pm", 'we are 20 people', 'next Tuesday or March 5th', 'hello'];
const WARM_UP_ROUNDS = 5;

export class NluService {
  private constructor(
    private readonly models: ReadonlyMap<string, IntentModel>,
    private readonly decision: DecisionOptions,
    private readonly defaultRegion: string,
    private readonly clock: () => Date,
    private readonly defaultLanguage: string,
  ) {}

  static async create(options: NluServiceOptions): Promise<NluService> {
    const seed = options.seed ?? 1;
    const byLanguage = new Map<string, IntentExample[]>();
    for (const e of options.examples) {
      const language = languageOf(e.locale);
      byLanguage.set(language, [...(byLanguage.get(language) ?? []), e]);
    }
    const models = new Map<string, IntentModel>();
    for (const [language, examples] of byLanguage) {
      const key = modelKey(examples, language, seed);
      let model = options.modelDir ? await loadModel(options.modelDir, language, key) : undefined;
      if (!model) {
        model = trainIntentModel(examples, { locale: language, seed });
        if (examples.length <= CALIBRATION_LIMIT) model.temperature = crossValidatedTemperature(model, examples, { locale: language, seed });
        if (options.modelDir) await saveModel(options.modelDir, language, key, model);
      }
      models.set(language, model);
    }
    const decision: DecisionOptions = {
      threshold: options.threshold ?? DEFAULT_THRESHOLD,
      intentThresholds: options.intentThresholds ?? {},
      ambiguityMargin: options.ambiguityMargin ?? DEFAULT_AMBIGUITY_MARGIN,
    };

    const service = new NluService(models, decision, options.defaultRegion ?? 'US', options.clock ?? (() => new Date()), languageOf(options.defaultLocale ?? DEFAULT_LOCALE));
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      for (const text of WARM_UP) service.understand(text, { expected: ['text'] });
    }

    return service;
  }

  /** Languages that have an intent model. */
  get languages(): string[] {
    return [...this.models.keys()];
  }

  understand(text: string, options: UnderstandOptions = {}): Understanding {
    const model = this.models.get(languageOf(options.locale ?? this.defaultLanguage)) ?? this.models.get(this.defaultLanguage);
    const scores = model && text.trim() ? model.classify(text) : undefined;
    const entities = extractEntities(text, { defaultRegion: this.defaultRegion, now: this.clock(), expected: options.expected });

    return { ...decideIntent(scores, this.decision), entities };
  }
}
