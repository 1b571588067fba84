/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Two-proportion z-test: is arm B's conversion different from arm A's? Two-sided p-value; undefined without data. */
export function twoProportionTest(a: { conversions: number; total: number }, b: { conversions: number; total: number }): { z: number; p: number } | undefined {
  if (a.total === 0 || b.total === 0) return undefined;
  const pooled = (a.conversions + b.conversions) / (a.total + b.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.total + 1 / b.total));
  if (se === 0) return undefined;
  const z = (b.conversions / b.total - a.conversions / a.total) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}
