import type { EvalReport } from './evaluate-dataset';

const pct = (value: number) => `${(value * 100).toFixed(2)}%`;

/** The human-readable summary of `parley nlu eval`. */
export function formatReport(report: EvalReport): string {
  const lines = [
    `test texts           ${report.n} (${report.intents} intents, seed ${report.seed})`,
    `in-scope accuracy    ${pct(report.inScopeAccuracy)} at threshold ${report.threshold} (${pct(report.inScopeAccuracyNoReject)} without rejecting)`,
    `macro-F1             ${pct(report.macroF1)}`,
    `out-of-scope         recall ${pct(report.oosRecall)}, precision ${pct(report.oosPrecision)}`,
    `training             ${report.trainSeconds.toFixed(2)} s, ${report.features} features, model ${(report.modelBytes / 1e6).toFixed(1)} MB, temperature ${report.temperature}`,
    `classify latency     p50 ${report.classifyP50Us} µs, p99 ${report.classifyP99Us} µs (one pass: p99 ${report.classifyP99UsSinglePass} µs)`,
    `with entities        p50 ${report.understandP50Us} µs, p99 ${report.understandP99Us} µs`,
  ];
  if (report.baselineAccuracy !== undefined) {
    lines.push(`baseline             natural BayesClassifier: ${pct(report.baselineAccuracy)} in-scope accuracy, trained in ${report.baselineTrainSeconds} s`);
  }
  lines.push('worst intents (F1, most frequent confusion):');
  for (const r of report.worstIntents) lines.push(`  ${r.intent.padEnd(28)} ${pct(r.f1).padStart(7)}  ${r.confusedWith ? `→ ${r.confusedWith} ×${r.confusions}` : ''}`);

  return lines.join('\n');
}
