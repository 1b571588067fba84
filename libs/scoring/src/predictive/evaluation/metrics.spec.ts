import { accuracy, calibration, logLoss, rocAuc } from './metrics';
import { stratifiedFolds, stratifiedSplit } from './split';

describe('metrics', () => {
  it('computes AUC by ranks, with ties counted as half', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(rocAuc([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4])).toBe(0.75);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.1, 0.2])).toBeNaN();
  });

  it('computes log-loss with clipping, accuracy at 0.5 and a reliability table', () => {
    expect(logLoss([1, 0], [0.5, 0.5])).toBeCloseTo(Math.log(2), 12);
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 6);
    expect(accuracy([1, 0, 1], [0.5, 0.49, 0.2])).toBeCloseTo(2 / 3, 12);
    const table = calibration([0, 1, 1, 1], [0.05, 0.95, 0.9, 0.92], 10);
    expect(table.bins.map((b) => [b.from, b.count, b.observedRate])).toEqual([
      [0, 1, 0],
      [0.9, 3, 1],
    ]);
    expect(table.ece).toBeCloseTo((0.05 + (3 - 2.77)) / 4, 12);
  });
});

describe('splits', () => {
  const labels = Uint8Array.from({ length: 103 }, (_, i) => (i % 5 === 0 ? 1 : 0));

  it('keeps the class balance in a seeded 80/20 split, the same for the same seed', () => {
    const { train, test } = stratifiedSplit(labels, 0.2, 1);
    expect(train.length + test.length).toBe(103);
    expect(new Set([...train, ...test]).size).toBe(103);
    expect(test.filter((r) => labels[r] === 1)).toHaveLength(4);
    expect(stratifiedSplit(labels, 0.2, 1)).toEqual({ train, test });
    expect(stratifiedSplit(labels, 0.2, 2).test).not.toEqual(test);
  });

  it('spreads each class evenly over the folds', () => {
    const folds = stratifiedFolds(labels, 5, 3);
    for (let f = 0; f < 5; f++) {
      const positives = [...folds.keys()].filter((r) => folds[r] === f && labels[r] === 1).length;
      expect(positives === 4 || positives === 5).toBe(true);
    }
  });
});
