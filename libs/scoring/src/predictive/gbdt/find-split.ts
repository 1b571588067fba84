export interface SplitParams {
  lambda: number;
  minRowsPerLeaf: number;
  minHessianPerLeaf: number;
}

/** Per bin: gradient sum, hessian sum and row count, interleaved (3 numbers a bin). */
export type Histogram = Float64Array;

export interface Split {
  gain: number;
  /** The bins whose rows go left. */
  leftBins: number[];
  left: { gradient: number; hessian: number };
  right: { gradient: number; hessian: number };
}

const score = (g: number, h: number, lambda: number) => (g * g) / (h + lambda);

export function histogramTotals(histogram: Histogram): { gradient: number; hessian: number; count: number } {
  let gradient = 0;
  let hessian = 0;
  let count = 0;
  for (let k = 0; k < histogram.length; k += 3) {
    gradient += histogram[k];
    hessian += histogram[k + 1];
    count += histogram[k + 2];
  }

  return { gradient, hessian, count };
}

/**
 * Best split of one column's histogram. Numeric bins (0 = missing) are cut at a threshold with
 * the missing bin tried on either side; categorical bins are ordered by gradient/hessian and cut
 * at a prefix of that order (LightGBM's many-vs-many categorical split).
 */
export function findSplit(histogram: Histogram, categorical: boolean, params: SplitParams): Split | undefined {
  const total = histogramTotals(histogram);
  const parent = score(total.gradient, total.hessian, params.lambda);
  let best: { gain: number; order: number[]; prefix: number; g: number; h: number } | undefined;
  for (const order of categorical ? [categoricalOrder(histogram, params.lambda)] : numericOrders(histogram.length / 3)) {
    let g = 0;
    let h = 0;
    let c = 0;
    for (let k = 0; k < order.length - 1; k++) {
      const b = 3 * order[k];
      g += histogram[b];
      h += histogram[b + 1];
      c += histogram[b + 2];
      if (c < params.minRowsPerLeaf || h < params.minHessianPerLeaf) continue;
      if (total.count - c < params.minRowsPerLeaf || total.hessian - h < params.minHessianPerLeaf) break;
      const gain = score(g, h, params.lambda) + score(total.gradient - g, total.hessian - h, params.lambda) - parent;
      if (gain > (best?.gain ?? 1e-12)) best = { gain, order, prefix: k + 1, g, h };
    }
  }

  return (
    best && {
      gain: best.gain,
      leftBins: best.order.slice(0, best.prefix).sort((a, b) => a - b),
      left: { gradient: best.g, hessian: best.h },
      right: { gradient: total.gradient - best.g, hessian: total.hessian - best.h },
    }
  );
}

/** Missing first (it goes left with the low bins), or missing last (right with the high bins). */
function numericOrders(bins: number): number[][] {
  const values = Array.from({ length: bins - 1 }, (_, i) => i + 1);

  return [[0, ...values], [...values, 0]];
}

function categoricalOrder(histogram: Histogram, lambda: number): number[] {
  const present = Array.from({ length: histogram.length / 3 }, (_, b) => b).filter((b) => histogram[3 * b + 2] > 0);
  const ratio = (b: number) => histogram[3 * b] / (histogram[3 * b + 1] + lambda);

  return present.sort((a, b) => ratio(a) - ratio(b));
}
