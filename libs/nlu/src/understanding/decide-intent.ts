import type { Understanding } from '@parley/core';
import type { IntentScores } from '../classifier/intent-model';

export interface DecisionOptions {
  /** Calibrated confidence below which the text is out of scope (the flow's fallback path). */
  threshold: number;
  intentThresholds: Readonly<Record<string, number>>;
  /** Top two closer than this are `ambiguous`: the flow may ask which one was meant. */
  ambiguityMargin: number;
}

export const DEFAULT_THRESHOLD = 0.4;
export const DEFAULT_AMBIGUITY_MARGIN = 0.1;

export type IntentDecision = Omit<Understanding, 'entities'>;

export function decideIntent(scores: IntentScores | undefined, options: DecisionOptions): IntentDecision {
  const [top, second] = scores?.ranking ?? [];
  if (!scores || !top) return { confidence: 0, ranking: [], outOfScope: true, ambiguous: false };
  const threshold = options.intentThresholds[top.intent] ?? options.threshold;
  const outOfScope = top.confidence < threshold || scores.none > top.confidence;
  const ambiguous = !outOfScope && second !== undefined && top.confidence - second.confidence < options.ambiguityMargin;

  return {
    intent: outOfScope ? undefined : top.intent,
    confidence: top.confidence,
    ranking: scores.ranking,
    outOfScope,
    ambiguous,
  };
}
