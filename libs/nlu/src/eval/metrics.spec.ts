import { inScopeAccuracy, intentReports, macroF1, outOfScopePrecision, outOfScopeRecall, percentile, type Outcome } from './metrics';

const outcomes: Outcome[] = [
  { gold: 'a', predicted: 'a' },
  { gold: 'a', predicted: 'b' },
  { gold: 'b', predicted: 'b' },
  { gold: 'b', predicted: undefined },
  { gold: undefined, predicted: undefined },
  { gold: undefined, predicted: 'a' },
];

describe('metrics', () => {
  it('counts a rejected in-scope text as a miss', () => {
    expect(inScopeAccuracy(outcomes)).toBe(0.5);
  });

  it('measures out-of-scope recall and precision over rejections', () => {
    expect(outOfScopeRecall(outcomes)).toBe(0.5);
    expect(outOfScopePrecision(outcomes)).toBe(0.5);
  });

  it('computes per-intent F1 with the most frequent confusion', () => {
    const [a, b] = intentReports(outcomes);
    expect(a).toEqual({ intent: 'a', f1: 0.5, confusedWith: 'b', confusions: 1 });
    expect(b).toEqual({ intent: 'b', f1: 0.5, confusedWith: 'out of scope', confusions: 1 });
    expect(macroF1([a, { ...b, f1: 1 }])).toBe(0.75);
  });

  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([], 0.5)).toBe(0);
  });
});
