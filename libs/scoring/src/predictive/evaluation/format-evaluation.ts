import type { PreparedDataset } from '../table/prepare-dataset';
import type { EvaluationReport, HeldOutMetrics } from './evaluate-split';

const row = (name: string, m: HeldOutMetrics) =>
  `${name.padEnd(34)}${m.auc.toFixed(4).padEnd(8)}${m.logLoss.toFixed(4).padEnd(10)}${m.accuracy.toFixed(4).padEnd(10)}${m.trainSeconds.toFixed(2)}`;

export function describeDataset(data: PreparedDataset, source: string): string[] {
  const positives = data.labels.reduce((s, y) => s + y, 0);
  const numeric = data.columns.filter((c) => c.kind === 'numeric').length;
  const lines = [
    `${source}: ${data.rows.length} rows, target ${data.target} (positive "${data.positive}": ${((100 * positives) / data.rows.length).toFixed(1)} %), ` +
      `${data.columns.length} features (${numeric} numeric, ${data.columns.length - numeric} categorical)`,
  ];
  if (data.skipped) lines.push(`skipped ${data.skipped} rows without a target`);
  if (data.dropped.length) lines.push(`dropped: ${data.dropped.map((d) => `${d.column} (${d.reason})`).join(', ')}`);

  return lines;
}

export function formatEvaluation(report: EvaluationReport, seed: number): string {
  const t = report.training;
  const lines = [
    `split: seed ${seed}, stratified 80/20 → ${report.nTrain} train / ${report.nTest} test`,
    '',
    `${'model'.padEnd(34)}${'AUC'.padEnd(8)}${'log-loss'.padEnd(10)}${'accuracy'.padEnd(10)}train s`,
    row(t.trees ? 'logistic regression + trees' : 'logistic regression', report),
  ];
  if (report.baseline) lines.push(row('plain one-hot LR (baseline)', report.baseline));
  lines.push(
    '',
    `chosen by cross-validation on the training split: L2 ${t.l2}${t.trees ? `, ${t.trees} trees` : ''}; ` +
      `stack ${t.stack.linear.toFixed(2)} × LR${t.trees ? ` + ${t.stack.trees.toFixed(2)} × trees` : ''} (CV AUC ${t.crossValidatedAuc.toFixed(4)})`,
    `calibration on the test split (ECE ${report.calibration.ece.toFixed(3)}):`,
    ...report.calibration.bins.map(
      (b) => `  p ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${String(b.count).padStart(5)} leads, predicted ${b.meanPredicted.toFixed(2)}, observed ${b.observedRate.toFixed(2)}`,
    ),
  );

  return lines.join('\n');
}

/** The one JSON line of `scoring eval --json`. */
export function evaluationJson(report: EvaluationReport): string {
  const round = (v: number, digits: number) => Number(v.toFixed(digits));

  return JSON.stringify({
    auc: round(report.auc, 4),
    logLoss: round(report.logLoss, 4),
    accuracy: round(report.accuracy, 4),
    trainSeconds: round(report.trainSeconds, 2),
    nTrain: report.nTrain,
    nTest: report.nTest,
  });
}
