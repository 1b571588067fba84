import type { IntentScores } from '../classifier/intent-model';
import { DEFAULT_AMBIGUITY_MARGIN, decideIntent } from '../understanding/decide-intent';
import { inScopeAccuracy, outOfScopeRecall, type Outcome } from './metrics';

/** A held-out text's gold intent (undefined when out of scope) and the model's scores for it. */
export interface Scored {
  gold?: string;
  scores: IntentScores;
}

/** In-scope accuracy (on validation) we are willing to give up for out-of-scope recall. */
export const MAX_ACCURACY_LOSS = 0.005;
const STEP = 0.005;

export function outcomesAt(scored: Scored[], threshold: number): Outcome[] {
  const options = { threshold, intentThresholds: {}, ambiguityMargin: DEFAULT_AMBIGUITY_MARGIN };

  return scored.map(({ gold, scores }) => ({ gold, predicted: decideIntent(scores, options).intent }));
}

/**
 * The threshold with the best out-of-scope recall on validation that costs at most
 * MAX_ACCURACY_LOSS of in-scope accuracy: the same rule for every dataset.
 */
export function chooseThreshold(scored: Scored[], fallback: number): number {
  if (!scored.some((s) => s.gold === undefined)) return fallback;
  const floor = inScopeAccuracy(outcomesAt(scored, 0)) - MAX_ACCURACY_LOSS;
  let best = { threshold: 0, recall: -1, accuracy: 0 };
  for (let i = 0; i * STEP <= 1; i++) {
    const threshold = Math.round(i * STEP * 1000) / 1000;
    const outcomes = outcomesAt(scored, threshold);
    const accuracy = inScopeAccuracy(outcomes);
    if (accuracy < floor - 1e-12) continue;
    const recall = outOfScopeRecall(outcomes);
    if (recall > best.recall || (recall === best.recall && accuracy > best.accuracy)) best = { threshold, recall, accuracy };
  }

  return best.threshold;
}
