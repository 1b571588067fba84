import { binOf } from '../predictive/features/quantile-edges';

const MISSING = '(missing)';

/** Group label of every value: the value itself, or its band `(lo, hi]` when `edges` are given. */
export function groupLabels(values: readonly unknown[], edges?: number[]): string[] {
  return values.map((value) => {
    if (value === undefined || value === null || value === '') return MISSING;
    if (!edges?.length) return String(value);
    const band = binOf(edges, Number(value));
    if (band === 0) return `≤ ${edges[0]}`;

    return band === edges.length ? `> ${edges[band - 1]}` : `(${edges[band - 1]}, ${edges[band]}]`;
  });
}
