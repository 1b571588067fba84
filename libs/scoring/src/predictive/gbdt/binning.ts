import { levelSlot, type ColumnEncoding } from '../features/column-encoding';
import { binOf, quantileEdges } from '../features/quantile-edges';
import type { FeatureValue } from '../table/dataset';

/** Column-major bins the trees split on: bins[c][row]. */
export interface BinnedColumns {
  bins: Uint16Array[];
  binCounts: number[];
  rows: number;
}

/** Quantile cut points of every numeric column for the trees (finer than the linear model's); [] for categorical columns. */
export function fitTreeEdges(encodings: ColumnEncoding[], rows: FeatureValue[][], maxBins: number): number[][] {
  return encodings.map((encoding, c) =>
    encoding.kind === 'categorical' ? [] : quantileEdges(rows.flatMap((row) => (row[c] === undefined ? [] : [row[c] as number])), maxBins),
  );
}

/** Numeric cells go to 1 + their quantile bin (0 = missing); categorical cells to their level slot. */
export function treeBin(encoding: ColumnEncoding, edges: number[], cell: FeatureValue): number {
  if (encoding.kind === 'categorical') return levelSlot(encoding, cell as string | undefined);

  return cell === undefined ? 0 : 1 + binOf(edges, cell as number);
}

export function binColumns(encodings: ColumnEncoding[], edges: number[][], rows: FeatureValue[][]): BinnedColumns {
  return {
    bins: encodings.map((encoding, c) => Uint16Array.from(rows, (row) => treeBin(encoding, edges[c], row[c]))),
    binCounts: encodings.map((encoding, c) => (encoding.kind === 'categorical' ? encoding.levels.length + 2 : edges[c].length + 2)),
    rows: rows.length,
  };
}
