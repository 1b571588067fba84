import { twoProportionTest } from './ab-test';

describe('A/B significance', () => {
  it('matches a textbook two-proportion z-test', () => {
    // 200/1000 against 250/1000: z ≈ 2.68, p ≈ 0.0073
    const result = twoProportionTest({ conversions: 200, total: 1000 }, { conversions: 250, total: 1000 })!;
    expect(result.z).toBeCloseTo(2.68, 2);
    expect(result.p).toBeCloseTo(0.0073, 3);
  });

  it('says nothing without data or variance', () => {
    expect(twoProportionTest({ conversions: 0, total: 0 }, { conversions: 1, total: 2 })).toBeUndefined();
    expect(twoProportionTest({ conversions: 0, total: 5 }, { conversions: 0, total: 5 })).toBeUndefined();
    expect(twoProportionTest({ conversions: 5, total: 10 }, { conversions: 5, total: 10 })!.p).toBeCloseTo(1, 5);
  });
});
