/** Area under the ROC curve by the rank-sum formula; tied scores share their average rank. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;

  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

const EPSILON = 1e-15;

export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }

  return sum / labels.length;
}

export function accuracy(labels: ArrayLike<number>, probabilities: ArrayLike<number>, threshold = 0.5): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) if ((probabilities[i] >= threshold ? 1 : 0) === labels[i]) right++;

  return right / labels.length;
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Reliability table over equal-width probability bins, and the expected calibration error. */
export function calibration(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): { bins: CalibrationBin[]; ece: number } {
  const table = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, predicted: 0, observed: 0 }));
  for (let i = 0; i < labels.length; i++) {
    const bin = table[Math.min(bins - 1, Math.floor(probabilities[i] * bins))];
    bin.count++;
    bin.predicted += probabilities[i];
    bin.observed += labels[i];
  }
  const filled = table.filter((b) => b.count > 0);
  const ece = filled.reduce((s, b) => s + Math.abs(b.predicted - b.observed), 0) / Math.max(1, labels.length);

  return {
    bins: filled.map((b) => ({ from: b.from, to: b.to, count: b.count, meanPredicted: b.predicted / b.count, observedRate: b.observed / b.count })),
    ece,
  };
}
