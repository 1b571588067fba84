import { bayesClassifier } from '../vendor/lazy-modules';
import type { Dataset } from './dataset';

export interface BaselineReport {
  accuracy: number;
  trainSeconds: number;
}

/** natural's BayesClassifier (its defaults: Porter stems, no stop words) on the same in-scope splits. */
export function bayesBaseline(dataset: Dataset): BaselineReport {
  const started = performance.now();
  const BayesClassifier = bayesClassifier();
  const classifier = new BayesClassifier();
  for (const [text, intent] of dataset.train) classifier.addDocument(text, intent);
  classifier.train();
  const trainSeconds = (performance.now() - started) / 1000;
  const correct = dataset.test.filter(([text, intent]) => classifier.classify(text) === intent).length;

  return { accuracy: dataset.test.length ? correct / dataset.test.length : 0, trainSeconds };
}
