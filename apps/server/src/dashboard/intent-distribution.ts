import type { SqlDatabase, SqlValue } from '@parley/persistence';

/**
 * How often each intent was detected over a date range, from the scoring service's activity log (one `intent` row
 * per understood turn). Grouped in SQL: the log grows with every message.
 */
export async function intentDistribution(db: SqlDatabase, range: { from?: Date; to?: Date }): Promise<Record<string, number>> {
  const intent = db.dialect === 'postgres' ? "(detail::json->>'intent')" : "json_extract(detail, '$.intent')";
  const where = ["kind = 'intent'"];
  const params: SqlValue[] = [];
  for (const [condition, value] of [['at >= ?', range.from], ['at < ?', range.to]] as const) {
    if (!value) continue;
    where.push(condition);
    params.push(value.toISOString());
  }
  const rows = await db.all<{ intent: string | null; n: number | string }>(
    `SELECT ${intent} AS intent, COUNT(*) AS n FROM contact_activity WHERE ${where.join(' AND ')} GROUP BY ${intent} ORDER BY COUNT(*) DESC`,
    params,
  );
  return Object.fromEntries(rows.filter((r) => r.intent).map((r) => [r.intent!, Number(r.n)]));
}
