import { trainBaselineModel } from '../model/baseline-model';
import type { LeadModel, ModelOptions } from '../model/lead-model';
import { predictProbabilities } from '../model/predict';
import { trainModel, type TrainingData, type TrainingSummary } from '../model/train-model';
import { accuracy, calibration, logLoss, rocAuc, type CalibrationBin } from './metrics';
import { stratifiedSplit } from './split';

export interface HeldOutMetrics {
  auc: number;
  logLoss: number;
  accuracy: number;
  trainSeconds: number;
}

export interface EvaluationReport extends HeldOutMetrics {
  nTrain: number;
  nTest: number;
  calibration: { bins: CalibrationBin[]; ece: number };
  training: TrainingSummary;
  model: LeadModel;
  baseline?: HeldOutMetrics;
}

export interface EvaluationOptions {
  seed: number;
  testShare?: number;
  baseline?: boolean;
  model?: Partial<ModelOptions>;
  /** Milliseconds from any fixed origin, e.g. performance.now; only differences are used. */
  clock: () => number;
  onProgress?: (message: string) => void;
}

/** Seeded stratified split (80/20 by default): train on one side, report on the other. */
export function evaluateSplit(data: TrainingData, options: EvaluationOptions): EvaluationReport {
  const split = stratifiedSplit(data.labels, options.testShare ?? 0.2, options.seed);
  const side = (rows: number[]): TrainingData => ({
    ...data,
    rows: rows.map((r) => data.rows[r]),
    labels: Uint8Array.from(rows, (r) => data.labels[r]),
  });
  const train = side(split.train);
  const test = side(split.test);
  const measure = (fit: () => LeadModel) => {
    const started = options.clock();
    const model = fit();
    const trainSeconds = (options.clock() - started) / 1000;
    const probabilities = predictProbabilities(model, test.rows);
    const metrics = { auc: rocAuc(test.labels, probabilities), logLoss: logLoss(test.labels, probabilities), accuracy: accuracy(test.labels, probabilities), trainSeconds };
    return { model, probabilities, metrics };
  };
  let training: TrainingSummary | undefined;
  const main = measure(() => {
    const trained = trainModel(train, { seed: options.seed, ...options.model }, options.onProgress);
    training = trained.summary;
    return trained.model;
  });
  const baseline = options.baseline === false ? undefined : measure(() => trainBaselineModel(train)).metrics;

  return {
    ...main.metrics,
    nTrain: train.rows.length,
    nTest: test.rows.length,
    calibration: calibration(test.labels, main.probabilities),
    training: training!,
    model: main.model,
    baseline,
  };
}
