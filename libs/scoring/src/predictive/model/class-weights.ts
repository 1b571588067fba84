/** Weights that give both classes the same total weight ("balanced"), or 1 for every row. */
export function classWeights(labels: Uint8Array, mode: 'balanced' | 'none'): Float64Array {
  if (mode === 'none') return new Float64Array(labels.length).fill(1);
  const positives = labels.reduce((s, y) => s + y, 0);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('training needs both classes in the target');

  return Float64Array.from(labels, (y) => (y ? labels.length / (2 * positives) : labels.length / (2 * negatives)));
}

export function weightedLogLoss(labels: Uint8Array, margins: ArrayLike<number>, weights: Float64Array): number {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const z = margins[i];
    loss += weights[i] * (Math.max(z, 0) - z * labels[i] + Math.log1p(Math.exp(-Math.abs(z))));
    total += weights[i];
  }

  return loss / total;
}
