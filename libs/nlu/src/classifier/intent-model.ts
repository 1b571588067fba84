import type { IntentGuess } from '@parley/core';
import type { FeatureSpace, SparseVector } from './feature-space';
import { dequantise, type QuantisedRows } from './quantise';

/** Examples labelled with this train an explicit "none of the above" class (e.g. CLINC150's oos_train). */
export const OUT_OF_SCOPE_LABEL = 'oos';
/** The SVM margin at which "no intent" competes with the intents: below it a text belongs to nobody. */
export const NONE_MARGIN = -1;
export const DEFAULT_TEMPERATURE = 0.15;
const RANKING_SIZE = 10;

export interface IntentScores {
  /** Intents by calibrated probability, best first (at most ten). */
  ranking: IntentGuess[];
  /** Probability that the text is none of the intents. */
  none: number;
}

export class IntentModel {
  private readonly outOfScopeIndex: number;
  private readonly weights: Float32Array;

  constructor(
    readonly locale: string,
    readonly labels: string[],
    readonly space: FeatureSpace,
    readonly quantised: QuantisedRows,
    readonly bias: Float32Array,
    public temperature = DEFAULT_TEMPERATURE,
  ) {
    this.outOfScopeIndex = labels.indexOf(OUT_OF_SCOPE_LABEL);
    this.weights = dequantise(quantised, labels.length);
  }

  margins(vector: SparseVector): Float64Array {
    const classes = this.labels.length;
    const weights = this.weights;
    const out = Float64Array.from(this.bias);
    for (let k = 0; k < vector.index.length; k++) {
      const row = vector.index[k] * classes;
      const v = vector.value[k];
      for (let c = 0; c < classes; c++) out[c] += v * weights[row + c];
    }

    return out;
  }

  classify(text: string): IntentScores {
    return this.interpret(this.margins(this.space.vectorise(text)));
  }

  /** Softmax over the margins and the none-margin at the calibrated temperature. */
  probabilities(margins: Float64Array, temperature = this.temperature): { p: Float64Array; none: number } {
    let max = NONE_MARGIN;
    for (const m of margins) if (m > max) max = m;
    const p = new Float64Array(margins.length);
    let none = Math.exp((NONE_MARGIN - max) / temperature);
    let total = none;
    for (let c = 0; c < margins.length; c++) {
      p[c] = Math.exp((margins[c] - max) / temperature);
      total += p[c];
    }
    for (let c = 0; c < p.length; c++) p[c] /= total;
    none /= total;
    if (this.outOfScopeIndex >= 0) {
      none += p[this.outOfScopeIndex];
      p[this.outOfScopeIndex] = 0;
    }

    return { p, none };
  }

  interpret(margins: Float64Array): IntentScores {
    const { p, none } = this.probabilities(margins);
    const top: number[] = [];
    for (let c = 0; c < p.length; c++) {
      if (c === this.outOfScopeIndex) continue;
      if (top.length === RANKING_SIZE && p[c] <= p[top[top.length - 1]]) continue;
      let at = top.length;
      while (at > 0 && p[top[at - 1]] < p[c]) at--;
      top.splice(at, 0, c);
      if (top.length > RANKING_SIZE) top.pop();
    }

    return { ranking: top.map((c) => ({ intent: this.labels[c], confidence: p[c] })), none };
  }
}
