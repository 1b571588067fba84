import type { FeatureValue } from '../table/dataset';
import { levelSlot, standardised, type ColumnEncoding } from './column-encoding';
import { binOf } from './quantile-edges';
import { sparseFromRows, type SparseMatrix } from './sparse-matrix';

/** Where each column's features start in the linear model's feature vector. */
export interface FeatureLayout {
  encodings: ColumnEncoding[];
  /** Quantile bins of numeric columns as extra one-hot features, so a linear model can bend. */
  bins: boolean;
  offsets: number[];
  width: number;
}

const hasBins = (layout: Pick<FeatureLayout, 'bins'>, e: ColumnEncoding) => layout.bins && e.kind === 'numeric' && e.edges.length >= 2;

function widthOf(encoding: ColumnEncoding, bins: boolean): number {
  if (encoding.kind === 'categorical') return encoding.levels.length + 2;

  return 1 + (encoding.hasMissing ? 1 : 0) + (hasBins({ bins }, encoding) ? encoding.edges.length + 1 : 0);
}

export function featureLayout(encodings: ColumnEncoding[], bins: boolean): FeatureLayout {
  const offsets: number[] = [];
  let width = 0;
  for (const encoding of encodings) {
    offsets.push(width);
    width += widthOf(encoding, bins);
  }

  return { encodings, bins, offsets, width };
}

export function encodeRow(layout: FeatureLayout, row: FeatureValue[]): { index: number[]; value: number[] } {
  const index: number[] = [];
  const value: number[] = [];
  layout.encodings.forEach((encoding, c) => {
    const offset = layout.offsets[c];
    const cell = row[c];
    if (encoding.kind === 'categorical') {
      index.push(offset + levelSlot(encoding, cell as string | undefined));
      value.push(1);
      return;
    }
    const number = cell as number | undefined;
    index.push(offset);
    value.push(standardised(encoding, number));
    if (encoding.hasMissing && number === undefined) {
      index.push(offset + 1);
      value.push(1);
    }
    if (hasBins(layout, encoding) && number !== undefined) {
      index.push(offset + (encoding.hasMissing ? 2 : 1) + binOf(encoding.edges, number));
      value.push(1);
    }
  });

  return { index, value };
}

export function encodeRows(layout: FeatureLayout, rows: FeatureValue[][]): SparseMatrix {
  return sparseFromRows(layout.width, rows.map((row) => encodeRow(layout, row)));
}

/** Human-readable name of every feature, for coefficients shown as reasons. */
export function featureNames(layout: FeatureLayout): string[] {
  return layout.encodings.flatMap((encoding) => {
    if (encoding.kind === 'categorical') {
      return [...encoding.levels.map((l) => `${encoding.name} = ${l}`), `${encoding.name} = (other)`, `${encoding.name} missing`];
    }
    const names = [`${encoding.name} (higher)`];
    if (encoding.hasMissing) names.push(`${encoding.name} missing`);
    if (hasBins(layout, encoding)) names.push(...binNames(encoding.name, encoding.edges));

    return names;
  });
}

function binNames(name: string, edges: number[]): string[] {
  const shown = (v: number) => String(Number(v.toPrecision(4)));

  return [`${name} ≤ ${shown(edges[0])}`, ...edges.slice(1).map((e, i) => `${name} in (${shown(edges[i])}, ${shown(e)}]`), `${name} > ${shown(edges[edges.length - 1])}`];
}
