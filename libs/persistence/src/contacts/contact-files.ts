import { parse } from 'csv-parse/sync';
import type { RawContactRow } from './contact-row';

/**
 * Reads CSV text into rows keyed by the header. Rows with the wrong number of cells are kept (as a `__columns`
 * marker) so the import can report them by line instead of the parser aborting the whole file.
 */
export function contactRowsFromCsv(text: string): { rows: RawContactRow[]; errors: { line: number; reason: string }[] } {
  const records = parse(text, { relax_column_count: true, skip_empty_lines: false, info: true, bom: true, relax_quotes: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  if (!head) return { rows: [], errors: [] };
  const header = head.record.map((h) => h.trim().toLowerCase());
  const rows: RawContactRow[] = [];
  const errors: { line: number; reason: string }[] = [];
  for (const { record, info } of body) {
    if (record.length === 1 && record[0].trim() === '') {
      errors.push({ line: info.lines, reason: 'empty row' });
    } else if (record.length !== header.length) {
      errors.push({ line: info.lines, reason: `expected ${header.length} columns, found ${record.length}` });
    } else {
      rows.push({ line: info.lines, cells: Object.fromEntries(header.map((h, i) => [h, record[i]])) });
    }
  }
  return { rows, errors };
}

/** JSON rows are numbered from 1, as a person counts them. */
export function contactRowsFromJson(rows: readonly Record<string, unknown>[]): RawContactRow[] {
  return rows.map((row, index) => ({
    line: index + 1,
    cells: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])),
  }));
}
