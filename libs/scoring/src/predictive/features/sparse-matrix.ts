/** Compressed sparse rows: the non-zeros of row r are index/value[start[r] .. start[r + 1]). */
export interface SparseMatrix {
  rows: number;
  columns: number;
  start: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

export function sparseFromRows(columns: number, rows: { index: number[]; value: number[] }[]): SparseMatrix {
  const start = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (start[r + 1] = start[r] + row.index.length));
  const index = new Int32Array(start[rows.length]);
  const value = new Float64Array(start[rows.length]);
  rows.forEach((row, r) => {
    index.set(row.index, start[r]);
    value.set(row.value, start[r]);
  });

  return { rows: rows.length, columns, start, index, value };
}
