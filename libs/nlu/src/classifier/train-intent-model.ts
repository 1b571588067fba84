import { stemmerFor } from '../text/stemmer';
import { FeatureSpace } from './feature-space';
import { IntentModel } from './intent-model';
import { quantise } from './quantise';
import { DEFAULT_SVM_OPTIONS, trainSvm, type SvmOptions } from './svm-trainer';

export interface LabelledText {
  text: string;
  intent: string;
}

export interface TrainOptions {
  locale?: string;
  seed?: number;
  svm?: Partial<SvmOptions>;
}

/** Examples in a canonical order, so that the model depends on the set of examples and the seed only. */
export function canonicalExamples<T extends LabelledText>(examples: T[]): T[] {
  const key = (e: LabelledText) => `${e.intent}\u0000${e.text}`;

  return [...examples].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function trainIntentModel(examples: LabelledText[], options: TrainOptions = {}): IntentModel {
  const locale = options.locale ?? 'en';
  const ordered = canonicalExamples(examples.filter((e) => e.text.trim() !== ''));
  const labels = [...new Set(ordered.map((e) => e.intent))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const { space, vectors } = FeatureSpace.fit(
    ordered.map((e) => e.text),
    stemmerFor(locale),
  );
  const targets = Int32Array.from(ordered, (e) => labelIndex.get(e.intent)!);
  const svm = { ...DEFAULT_SVM_OPTIONS, seed: options.seed ?? DEFAULT_SVM_OPTIONS.seed, ...options.svm };
  const linear = trainSvm(vectors, targets, labels.length, space.size, svm);
  // The model scores with the 16-bit weights it saves, so a reloaded model answers exactly as the trained one.
  return new IntentModel(locale, labels, space, quantise(linear.weights, labels.length), linear.bias);
}
