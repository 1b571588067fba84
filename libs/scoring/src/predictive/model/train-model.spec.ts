import { mulberry32 } from '@parley/core';
import { evaluateSplit } from '../evaluation/evaluate-split';
import type { FeatureValue } from '../table/dataset';
import { deserialiseModel, serialiseModel } from './model-codec';
import { modelCoefficients } from './model-coefficients';
import { predict, predictProbabilities } from './predict';
import { trainModel, type TrainingData } from './train-model';

/**
 * Leads whose conversion depends non-linearly on time on site (a middle band converts),
 * on the source, on a missing occupation, and on an interaction of source and visits.
 */
function syntheticLeads(n: number, seed: number): TrainingData {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const rows: FeatureValue[][] = [];
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const visits = random() < 0.05 ? undefined : Math.floor(-Math.log(random()) * 4);
    const minutes = Math.round(-Math.log(random()) * 20);
    const source = random() < 0.01 ? 'rare' : pick(['ads', 'ref', 'seo', 'direct', 'chat']);
    const occupation = random() < 0.3 ? undefined : pick(['employed', 'student', 'unemployed']);
    let logit = -1.2 + (minutes > 15 && minutes < 45 ? 2.2 : 0) + (source === 'ref' ? 1.8 : 0) - (occupation === undefined ? 1.5 : 0);
    if (source === 'ads' && (visits ?? 0) > 5) logit += 2;
    labels[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push([visits, minutes, source, occupation]);
  }
  const columns = [
    { name: 'visits', kind: 'numeric' as const },
    { name: 'minutes', kind: 'numeric' as const },
    { name: 'source', kind: 'categorical' as const },
    { name: 'occupation', kind: 'categorical' as const },
  ];

  return { columns, rows, labels, target: 'converted', positive: '1' };
}

const clock = (() => {
  let t = 0;
  return () => (t += 500);
})();

describe('predictive lead model', () => {
  const data = syntheticLeads(1200, 11);

  it('beats the plain one-hot logistic regression on held-out leads when effects are non-linear', () => {
    const report = evaluateSplit(data, { seed: 3, clock });
    expect(report.nTrain + report.nTest).toBe(1200);
    expect(report.nTest).toBe(240);
    expect(report.auc).toBeGreaterThan(report.baseline!.auc + 0.02);
    expect(report.logLoss).toBeLessThan(report.baseline!.logLoss);
    expect(report.trainSeconds).toBe(0.5);
    expect(report.calibration.ece).toBeLessThan(0.08);
  });

  it('is deterministic for a seed and survives serialisation unchanged', () => {
    const quick = { seed: 5, folds: 3, maxTrees: 60 };
    const { model } = trainModel(data, quick);
    expect(serialiseModel(trainModel(data, quick).model)).toBe(serialiseModel(model));
    const restored = deserialiseModel(serialiseModel(model));
    expect(predictProbabilities(restored, data.rows.slice(0, 50))).toEqual(predictProbabilities(model, data.rows.slice(0, 50)));
  });

  it('explains a prediction by the columns that moved it, and the model by its coefficients', () => {
    const { model } = trainModel(data, { seed: 5, trees: false });
    expect(model.trees).toBeUndefined();
    const referral = predict(model, { visits: '2', minutes: 30, source: 'ref', occupation: 'employed' }, 2);
    const cold = predict(model, { visits: 0, minutes: 1, source: 'chat' });
    expect(referral.probability).toBeGreaterThan(0.7);
    expect(cold.probability).toBeLessThan(0.3);
    expect(referral.reasons.map((r) => r.label)).toEqual(expect.arrayContaining(['source = ref']));
    expect(cold.reasons.find((r) => r.label === 'occupation missing')?.contribution).toBeLessThan(0);
    expect(modelCoefficients(model, 3).map((c) => c.feature)).toContain('source = ref');
  });

  it('splits a stacked prediction into column contributions that add up to its log-odds', () => {
    const { model } = trainModel(data, { seed: 5, folds: 3, maxTrees: 60 });
    const leads = [
      { visits: 2, minutes: 30, source: 'seo', occupation: 'employed' },
      { visits: 9, minutes: 2, source: 'ads' },
    ];
    const rest = leads.map((lead) => {
      const { probability, reasons } = predict(model, lead, 4);
      return Math.log(probability / (1 - probability)) - reasons.reduce((s, r) => s + r.contribution, 0);
    });
    expect(rest[0]).toBeCloseTo(rest[1], 8);
    const inBand = predict(model, leads[0], 4).reasons.find((r) => r.label === 'minutes = 30');
    expect(inBand?.contribution).toBeGreaterThan(0);
  });

  it('refuses text that is not a lead model', () => {
    expect(() => deserialiseModel('{"format":"something-else"}')).toThrow(/not a Parley lead model: format/);
  });
});
