import type { ScoringRules } from '../rules/scoring-rules.schema';

/**
 * The mix of rule points and the model's conversion probability set by `blend` in the rules:
 * the probability counts as `probability * scale` points, weighted by `model`.
 */
export function blendScore(rulePoints: number, probability: number | undefined, rules: ScoringRules): number {
  if (probability === undefined) return rulePoints;
  const { model, scale } = rules.blend;

  return (1 - model) * rulePoints + model * probability * scale;
}
