import type { ColumnSpec, FeatureValue } from '../table/dataset';
import { quantileEdges } from './quantile-edges';

export interface NumericEncoding {
  kind: 'numeric';
  name: string;
  /** Imputed for missing cells, on the raw scale. */
  median: number;
  /** log1p before standardising: the column is non-negative and right-skewed. */
  log: boolean;
  mean: number;
  std: number;
  /** Quantile cut points on the raw scale. */
  edges: number[];
  hasMissing: boolean;
}

export interface CategoricalEncoding {
  kind: 'categorical';
  name: string;
  /** Levels seen often enough; the rest share the `other` slot, missing cells the `missing` slot. */
  levels: string[];
}

export type ColumnEncoding = NumericEncoding | CategoricalEncoding;

export interface EncodingOptions {
  /** Categories seen fewer times than this in training become `other`. */
  minCount: number;
  /** Quantile bins per numeric column for the linear model (0 = none). */
  maxBins: number;
  logSkewed: boolean;
  missingIndicators: boolean;
}

const SKEW_FOR_LOG = 1;

export function fitColumnEncodings(columns: ColumnSpec[], rows: FeatureValue[][], options: EncodingOptions): ColumnEncoding[] {
  return columns.map((column, c) => {
    const cells = rows.map((row) => row[c]);
    if (column.kind === 'categorical') return fitCategorical(column.name, cells as (string | undefined)[], options.minCount);

    return fitNumeric(column.name, cells as (number | undefined)[], options);
  });
}

function fitCategorical(name: string, cells: (string | undefined)[], minCount: number): CategoricalEncoding {
  const counts = new Map<string, number>();
  for (const cell of cells) if (cell !== undefined) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  const levels = [...counts].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

  return { kind: 'categorical', name, levels: levels.map(([level]) => level) };
}

function fitNumeric(name: string, cells: (number | undefined)[], options: EncodingOptions): NumericEncoding {
  const present = cells.filter((v): v is number => v !== undefined);
  const sorted = Float64Array.from(present).sort();
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  const log = options.logSkewed && sorted.length > 0 && sorted[0] >= 0 && skewness(sorted) > SKEW_FOR_LOG;
  const transformed = cells.map((v) => (log ? Math.log1p(v ?? median) : (v ?? median)));
  const mean = transformed.reduce((s, v) => s + v, 0) / Math.max(1, transformed.length);
  const variance = transformed.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, transformed.length);

  return {
    kind: 'numeric',
    name,
    median,
    log,
    mean,
    std: Math.sqrt(variance) || 1,
    edges: quantileEdges(present, options.maxBins),
    hasMissing: options.missingIndicators && present.length < cells.length,
  };
}

function skewness(values: Float64Array): number {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  let m2 = 0;
  let m3 = 0;
  for (const v of values) {
    m2 += (v - mean) ** 2;
    m3 += (v - mean) ** 3;
  }

  return m2 === 0 ? 0 : m3 / n / (m2 / n) ** 1.5;
}

export function standardised(encoding: NumericEncoding, value: number | undefined): number {
  const raw = value ?? encoding.median;

  return ((encoding.log ? Math.log1p(Math.max(0, raw)) : raw) - encoding.mean) / encoding.std;
}

const slotMaps = new WeakMap<CategoricalEncoding, Map<string, number>>();

/** Slot of a categorical cell: a level index, then `other`, then `missing`. */
export function levelSlot(encoding: CategoricalEncoding, value: string | undefined): number {
  if (value === undefined) return encoding.levels.length + 1;
  let slots = slotMaps.get(encoding);
  if (!slots) {
    slots = new Map(encoding.levels.map((level, i) => [level, i]));
    slotMaps.set(encoding, slots);
  }

  return slots.get(value) ?? encoding.levels.length;
}
