import { OUT_OF_SCOPE_LABEL, type IntentModel } from './intent-model';
import { mulberry32, shuffleInPlace } from '@parley/core';
import { trainIntentModel, type LabelledText, type TrainOptions } from './train-intent-model';

/** A held-out text's margins and its true class index, or -1 when it belongs to no intent. */
export interface HeldOut {
  margins: Float64Array;
  target: number;
}

const MIN_TEMPERATURE = 0.02;
const MAX_TEMPERATURE = 2;
const GOLDEN = (Math.sqrt(5) - 1) / 2;
const ITERATIONS = 40;

/**
 * Temperature that minimises the negative log-likelihood of held-out texts (temperature scaling).
 * The loss is convex in 1/T, so a golden-section search over 1/T finds the optimum.
 */
export function fitTemperature(model: IntentModel, heldOut: HeldOut[]): number {
  if (heldOut.length === 0) return model.temperature;
  const loss = (inverse: number) =>
    heldOut.reduce((sum, { margins, target }) => {
      const { p, none } = model.probabilities(margins, 1 / inverse);

      return sum - Math.log(Math.max(target < 0 ? none : p[target], 1e-12));
    }, 0);
  let [low, high] = [1 / MAX_TEMPERATURE, 1 / MIN_TEMPERATURE];
  let a = high - GOLDEN * (high - low);
  let b = low + GOLDEN * (high - low);
  let [lossA, lossB] = [loss(a), loss(b)];
  for (let i = 0; i < ITERATIONS; i++) {
    if (lossA <= lossB) {
      [high, b, lossB] = [b, a, lossA];
      a = high - GOLDEN * (high - low);
      lossA = loss(a);
    } else {
      [low, a, lossA] = [a, b, lossB];
      b = low + GOLDEN * (high - low);
      lossB = loss(b);
    }
  }

  return 1 / ((low + high) / 2);
}

export function heldOutOf(model: IntentModel, examples: LabelledText[]): HeldOut[] {
  return examples.map((e) => ({ margins: model.margins(model.space.vectorise(e.text)), target: targetOf(model.labels, e.intent) }));
}

function targetOf(labels: string[], intent: string): number {
  return intent === OUT_OF_SCOPE_LABEL ? -1 : labels.indexOf(intent);
}

/**
 * k-fold cross-validated temperature, for example sets without a validation split: each fold's
 * model scores the texts it did not see, and one temperature is fitted to all of them.
 */
export function crossValidatedTemperature(model: IntentModel, examples: LabelledText[], options: TrainOptions, folds = 5): number {
  const random = mulberry32((options.seed ?? 1) ^ 0x9e3779b9);
  const byIntent = new Map<string, LabelledText[]>();
  for (const e of examples) byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), e]);
  const foldOf = new Map<LabelledText, number>();
  for (const group of byIntent.values()) {
    shuffleInPlace(group, random);
    group.forEach((e, i) => foldOf.set(e, i % folds));
  }
  const heldOut: HeldOut[] = [];
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((e) => foldOf.get(e) !== k);
    const test = examples.filter((e) => foldOf.get(e) === k);
    if (test.length === 0 || new Set(train.map((e) => e.intent)).size < 2) continue;
    const foldModel = trainIntentModel(train, options);
    for (const e of test) {
      const margins = remap(foldModel.margins(foldModel.space.vectorise(e.text)), foldModel.labels, model.labels);
      heldOut.push({ margins, target: targetOf(model.labels, e.intent) });
    }
  }

  return heldOut.length > 0 ? fitTemperature(model, heldOut) : model.temperature;
}

function remap(margins: Float64Array, from: string[], to: string[]): Float64Array {
  const out = new Float64Array(to.length).fill(-1);
  from.forEach((label, i) => (out[to.indexOf(label)] = margins[i]));

  return out;
}
