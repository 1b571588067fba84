import type { CsvTable } from './parse-csv-table';

export type ColumnKind = 'numeric' | 'categorical';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
}

/** A feature cell after typing: a number for numeric columns, a string for categorical ones. */
export type FeatureValue = number | string | undefined;

export interface Dataset {
  columns: ColumnSpec[];
  rows: FeatureValue[][];
  /** 1 for the positive class. */
  labels: Uint8Array;
}

/** Share of non-missing cells that must read as numbers for a column to count as numeric. */
const NUMERIC_SHARE = 0.97;

export function parseNumber(text: string, delimiter: CsvTable['delimiter']): number | undefined {
  const normalised = delimiter === ';' && /^[+-]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return undefined;

  return Number(normalised);
}

export function detectKind(values: (string | undefined)[], delimiter: CsvTable['delimiter']): ColumnKind {
  const present = values.filter((v): v is string => v !== undefined);
  if (present.length === 0) return 'categorical';
  const numeric = present.filter((v) => parseNumber(v, delimiter) !== undefined).length;

  return numeric >= NUMERIC_SHARE * present.length ? 'numeric' : 'categorical';
}

/** Reads one raw cell the way a column of this kind sees it (also used for contact attributes at prediction time). */
export function typedValue(raw: unknown, kind: ColumnKind, delimiter: CsvTable['delimiter'] = ','): FeatureValue {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (kind === 'categorical') return String(raw);
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;

  return parseNumber(String(raw).trim(), delimiter);
}
