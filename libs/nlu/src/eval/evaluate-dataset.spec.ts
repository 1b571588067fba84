import { syntheticDataset } from '../testing/synthetic-dataset';
import { evaluateDataset, type EvalReport } from './evaluate-dataset';

const TIMINGS = ['trainSeconds', 'classifyP50Us', 'classifyP99Us', 'classifyP99UsSinglePass', 'understandP50Us', 'understandP99Us', 'baselineTrainSeconds'] as const;
const withoutTimings = (report: EvalReport) => Object.fromEntries(Object.entries(report).filter(([key]) => !(TIMINGS as readonly string[]).includes(key)));

describe('evaluateDataset', () => {
  const dataset = syntheticDataset();
  const report = evaluateDataset(dataset, { seed: 5 });

  it('reports every figure of `parley nlu eval --json`', () => {
    for (const key of ['inScopeAccuracy', 'macroF1', 'oosRecall', 'oosPrecision', 'threshold', 'trainSeconds', 'classifyP50Us', 'classifyP99Us', 'n']) {
      expect(typeof report[key as keyof EvalReport]).toBe('number');
    }
    expect(report.n).toBe(dataset.test.length + dataset.oos_test!.length);
    expect(report.intents).toBe(6);
  });

  it('learns the synthetic intents and rejects most out-of-scope texts', () => {
    expect(report.inScopeAccuracy).toBeGreaterThan(0.85);
    expect(report.macroF1).toBeGreaterThan(0.8);
    expect(report.oosRecall).toBeGreaterThan(0.5);
    for (const key of ['inScopeAccuracy', 'macroF1', 'oosRecall', 'oosPrecision', 'threshold'] as const) {
      expect(report[key]).toBeGreaterThanOrEqual(0);
      expect(report[key]).toBeLessThanOrEqual(1);
    }
  });

  it('scores the BayesClassifier baseline on the same split', () => {
    expect(report.baselineAccuracy).toBeGreaterThan(0);
    expect(evaluateDataset(dataset, { seed: 5, baseline: false }).baselineAccuracy).toBeUndefined();
  });

  it('is reproducible: the same seed gives the same numbers', () => {
    expect(withoutTimings(evaluateDataset(dataset, { seed: 5 }))).toEqual(withoutTimings(report));
  });

  it('uses a fixed threshold when given one', () => {
    const strict = evaluateDataset(dataset, { seed: 5, threshold: 0.99, baseline: false });
    expect(strict.threshold).toBe(0.99);
    expect(strict.oosRecall).toBeGreaterThanOrEqual(report.oosRecall);
  });
});
