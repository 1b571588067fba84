import { fitTemperature, heldOutOf } from '../classifier/calibration';
import { OUT_OF_SCOPE_LABEL } from '../classifier/intent-model';
import { encodeModel } from '../classifier/model-codec';
import { trainIntentModel, type LabelledText } from '../classifier/train-intent-model';
import { extractEntities } from '../entities/extract-entities';
import { DEFAULT_AMBIGUITY_MARGIN, DEFAULT_THRESHOLD, decideIntent } from '../understanding/decide-intent';
import { bayesBaseline } from './bayes-baseline';
import { chooseThreshold, outcomesAt, type Scored } from './choose-threshold';
import type { Dataset } from './dataset';
import { measureLatency } from './latency';
import { inScopeAccuracy, intentReports, macroF1, outOfScopePrecision, outOfScopeRecall, type IntentReport } from './metrics';

export interface EvalOptions {
  seed?: number;
  /** Fixed threshold instead of the one chosen on validation. */
  threshold?: number;
  /** Also train and score natural's BayesClassifier (default true). */
  baseline?: boolean;
  onProgress?: (message: string) => void;
}

export interface EvalReport {
  inScopeAccuracy: number;
  macroF1: number;
  oosRecall: number;
  oosPrecision: number;
  threshold: number;
  trainSeconds: number;
  classifyP50Us: number;
  classifyP99Us: number;
  /** Test texts scored: in scope plus out of scope. */
  n: number;
  /** Best intent, no threshold, no "none": the classifier's own accuracy. */
  inScopeAccuracyNoReject: number;
  /** Single-pass p99 of classify: preemption and GC included. */
  classifyP99UsSinglePass: number;
  understandP50Us: number;
  understandP99Us: number;
  temperature: number;
  seed: number;
  intents: number;
  features: number;
  modelBytes: number;
  worstIntents: IntentReport[];
  baselineAccuracy?: number;
  baselineTrainSeconds?: number;
}

const WORST = 5;
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Out-of-scope splits join training as an explicit "none" class, and validation as texts to reject. */
export function evaluateDataset(dataset: Dataset, options: EvalOptions = {}): EvalReport {
  const seed = options.seed ?? 1;
  const progress = options.onProgress ?? (() => undefined);
  const labelled = (pairs: [string, string][], outOfScope = false): LabelledText[] =>
    pairs.map(([text, intent]) => ({ text, intent: outOfScope ? OUT_OF_SCOPE_LABEL : intent }));
  const train = [...labelled(dataset.train), ...labelled(dataset.oos_train ?? [], true)];

  progress(`training on ${train.length} examples (seed ${seed})`);
  const started = performance.now();
  const model = trainIntentModel(train, { seed });
  const val = [...labelled(dataset.val), ...labelled(dataset.oos_val ?? [], true)];
  if (val.length) model.temperature = fitTemperature(model, heldOutOf(model, val));
  const trainSeconds = (performance.now() - started) / 1000;

  const score = (pairs: [string, string][], outOfScope: boolean): Scored[] =>
    pairs.map(([text, intent]) => ({ gold: outOfScope ? undefined : intent, scores: model.classify(text) }));
  const threshold = options.threshold ?? chooseThreshold([...score(dataset.val, false), ...score(dataset.oos_val ?? [], true)], DEFAULT_THRESHOLD);
  progress(`trained in ${trainSeconds.toFixed(1)} s; temperature ${model.temperature.toFixed(3)}, threshold ${threshold}; testing`);

  const tested = [...score(dataset.test, false), ...score(dataset.oos_test ?? [], true)];
  const outcomes = outcomesAt(tested, threshold);
  const reports = intentReports(outcomes);
  const texts = [...dataset.test, ...(dataset.oos_test ?? [])].map(([text]) => text);
  const classify = measureLatency(texts, (text) => model.classify(text));
  const decision = { threshold, intentThresholds: {}, ambiguityMargin: DEFAULT_AMBIGUITY_MARGIN };
  const understand = measureLatency(texts, (text) => [decideIntent(model.classify(text), decision), extractEntities(text)]);
  const noReject = tested.filter((t) => t.gold !== undefined && t.scores.ranking[0]?.intent === t.gold).length;

  const report: EvalReport = {
    inScopeAccuracy: round(inScopeAccuracy(outcomes)),
    macroF1: round(macroF1(reports)),
    oosRecall: round(outOfScopeRecall(outcomes)),
    oosPrecision: round(outOfScopePrecision(outcomes)),
    threshold,
    trainSeconds: round(trainSeconds, 2),
    classifyP50Us: classify.p50Us,
    classifyP99Us: classify.p99Us,
    n: tested.length,
    inScopeAccuracyNoReject: round(dataset.test.length ? noReject / dataset.test.length : 0),
    classifyP99UsSinglePass: classify.p99UsSinglePass,
    understandP50Us: understand.p50Us,
    understandP99Us: understand.p99Us,
    temperature: round(model.temperature),
    seed,
    intents: model.labels.filter((l) => l !== OUT_OF_SCOPE_LABEL).length,
    features: model.space.size,
    modelBytes: encodeModel(model).length,
    worstIntents: [...reports].sort((a, b) => a.f1 - b.f1 || (a.intent < b.intent ? -1 : 1)).slice(0, WORST).map((r) => ({ ...r, f1: round(r.f1) })),
  };
  if (options.baseline !== false) {
    progress('training the baseline: natural BayesClassifier');
    const baseline = bayesBaseline(dataset);
    report.baselineAccuracy = round(baseline.accuracy);
    report.baselineTrainSeconds = round(baseline.trainSeconds, 2);
  }

  return report;
}
