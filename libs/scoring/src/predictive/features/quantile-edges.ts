/**
 * Cut points that split `values` into at most `maxBins` bins of about equal size; a value v
 * falls in bin `binOf(edges, v)`. Few distinct values get one bin each.
 */
export function quantileEdges(values: number[], maxBins: number): number[] {
  if (maxBins < 2 || values.length === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const distinct = [...new Set(sorted)];
  if (distinct.length <= maxBins) return distinct.slice(1).map((v, i) => (v + distinct[i]) / 2);
  const edges: number[] = [];
  for (let k = 1; k < maxBins; k++) {
    const edge = sorted[Math.floor((k * sorted.length) / maxBins)];
    if (edge > sorted[0] && edge !== edges[edges.length - 1]) edges.push(edge);
  }

  return edges;
}

/** The number of edges strictly below `value`, by binary search. */
export function binOf(edges: readonly number[], value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (edges[mid] < value) low = mid + 1;
    else high = mid;
  }

  return low;
}
