import { parse } from 'csv-parse/sync';

export type Cell = string | undefined;

export interface CsvTable {
  header: string[];
  /** One array per data row, aligned with `header`; empty and NA-style cells are undefined. */
  rows: Cell[][];
  delimiter: ',' | ';' | '\t';
}

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '?']);
const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that occurs most often outside quotes in the header line. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }

  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), DELIMITERS[0]);
}

/**
 * Reads a CSV with a header row. Columns without a name and without values (a trailing
 * delimiter on every line) are dropped; unnamed columns that do hold values get `column_<n>`.
 */
export function parseCsvTable(text: string): CsvTable {
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
  const records = parse(text, {
    delimiter,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];
  if (records.length === 0) throw new Error('the CSV is empty');
  const [rawHeader, ...data] = records;
  const width = Math.max(rawHeader.length, ...data.map((r) => r.length));
  const cells = data.map((record) => Array.from({ length: width }, (_, c) => missingToUndefined(record[c])));
  const kept = Array.from({ length: width }, (_, c) => c).filter((c) => rawHeader[c] || cells.some((row) => row[c] !== undefined));
  const header = kept.map((c) => rawHeader[c] || `column_${c + 1}`);

  return { header, rows: cells.map((row) => kept.map((c) => row[c])), delimiter };
}

function missingToUndefined(value: string | undefined): Cell {
  return value === undefined || MISSING.has(value.toLowerCase()) ? undefined : value;
}
