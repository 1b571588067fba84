/** One evaluated text: its gold intent (undefined when out of scope) and the prediction (undefined when rejected). */
export interface Outcome {
  gold?: string;
  predicted?: string;
}

export interface IntentReport {
  intent: string;
  f1: number;
  /** The label this intent was most often mistaken for ('out of scope' when rejected). */
  confusedWith?: string;
  confusions: number;
}

export function inScopeAccuracy(outcomes: Outcome[]): number {
  const inScope = outcomes.filter((o) => o.gold !== undefined);

  return ratio(inScope.filter((o) => o.predicted === o.gold).length, inScope.length);
}

export function outOfScopeRecall(outcomes: Outcome[]): number {
  const oos = outcomes.filter((o) => o.gold === undefined);

  return ratio(oos.filter((o) => o.predicted === undefined).length, oos.length);
}

export function outOfScopePrecision(outcomes: Outcome[]): number {
  const rejected = outcomes.filter((o) => o.predicted === undefined);

  return ratio(rejected.filter((o) => o.gold === undefined).length, rejected.length);
}

/** Per in-scope intent F1, where rejections count as misses and predictions on out-of-scope texts as false alarms. */
export function intentReports(outcomes: Outcome[]): IntentReport[] {
  const intents = [...new Set(outcomes.flatMap((o) => (o.gold === undefined ? [] : [o.gold])))].sort();

  return intents.map((intent) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const mistaken = new Map<string, number>();
    for (const o of outcomes) {
      if (o.gold === intent && o.predicted === intent) tp++;
      else if (o.gold === intent) {
        fn++;
        const label = o.predicted ?? 'out of scope';
        mistaken.set(label, (mistaken.get(label) ?? 0) + 1);
      } else if (o.predicted === intent) fp++;
    }
    const [confusedWith, confusions] = [...mistaken].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [undefined, 0];

    return { intent, f1: ratio(2 * tp, 2 * tp + fp + fn), confusedWith, confusions };
  });
}

export function macroF1(reports: IntentReport[]): number {
  return ratio(
    reports.reduce((sum, r) => sum + r.f1, 0),
    reports.length,
  );
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;

  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
