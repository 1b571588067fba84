import type { CsvTable } from './parse-csv-table';
import { detectKind, typedValue, type ColumnSpec, type Dataset } from './dataset';

export interface DatasetOptions {
  target: string;
  /** The target value that counts as a conversion; default 1/true/yes, else the rarer of two values. */
  positive?: string;
  exclude?: string[];
}

export interface DroppedColumn {
  column: string;
  reason: 'excluded' | 'constant' | 'identifier';
}

export interface PreparedDataset extends Dataset {
  target: string;
  positive: string;
  dropped: DroppedColumn[];
  /** Rows skipped because their target was missing. */
  skipped: number;
}

const POSITIVE_WORDS = ['1', 'true', 'yes', 'y'];
/** A categorical column with more distinct values than this share of rows is an identifier, not a feature. */
const IDENTIFIER_SHARE = 0.5;

export function prepareDataset(table: CsvTable, options: DatasetOptions): PreparedDataset {
  const targetIndex = table.header.indexOf(options.target);
  if (targetIndex < 0) throw new Error(`no column "${options.target}" (columns: ${table.header.join(', ')})`);
  const unknown = (options.exclude ?? []).filter((c) => !table.header.includes(c));
  if (unknown.length) throw new Error(`--exclude names unknown column(s): ${unknown.join(', ')}`);
  const rows = table.rows.filter((row) => row[targetIndex] !== undefined);
  const positive = choosePositive(rows.map((row) => row[targetIndex]!), options.positive);

  const dropped: DroppedColumn[] = [];
  const kept: { index: number; spec: ColumnSpec }[] = [];
  table.header.forEach((name, index) => {
    if (index === targetIndex) return;
    if (options.exclude?.includes(name)) return void dropped.push({ column: name, reason: 'excluded' });
    const values = rows.map((row) => row[index]);
    const distinct = new Set(values.filter((v) => v !== undefined));
    const kind = detectKind(values, table.delimiter);
    const constant = distinct.size === 0 || (distinct.size === 1 && !values.includes(undefined));
    if (constant) return void dropped.push({ column: name, reason: 'constant' });
    if (kind === 'categorical' && distinct.size > IDENTIFIER_SHARE * rows.length) return void dropped.push({ column: name, reason: 'identifier' });
    kept.push({ index, spec: { name, kind } });
  });

  return {
    columns: kept.map((k) => k.spec),
    rows: rows.map((row) => kept.map((k) => typedValue(row[k.index], k.spec.kind, table.delimiter))),
    labels: Uint8Array.from(rows, (row) => (row[targetIndex] === positive ? 1 : 0)),
    target: options.target,
    positive,
    dropped,
    skipped: table.rows.length - rows.length,
  };
}

function choosePositive(values: string[], requested: string | undefined): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const distinct = [...counts.keys()].sort();
  if (requested !== undefined) {
    if (!counts.has(requested)) throw new Error(`--positive "${requested}" does not occur in the target (values: ${distinct.slice(0, 10).join(', ')})`);
    return requested;
  }
  if (distinct.length !== 2) throw new Error(`the target has ${distinct.length} distinct values; name the positive one with --positive`);
  const word = distinct.find((v) => POSITIVE_WORDS.includes(v.toLowerCase()));

  return word ?? (counts.get(distinct[0])! < counts.get(distinct[1])! ? distinct[0] : distinct[1]);
}
