import type { AuditOptions, ColumnAudit } from './fairness-audit';

const percent = (v: number) => `${(100 * v).toFixed(1)} %`;

export function formatAudit(audits: ColumnAudit[], options: AuditOptions): string {
  const lines: string[] = [];
  for (const audit of audits) {
    lines.push(`${audit.column}${audit.flagged.length ? `: DISPARITY (impact ratio < ${options.ratio}) for ${audit.flagged.join(', ')}` : ': no disparity flagged'}`);
    lines.push(`  ${'group'.padEnd(28)}${'n'.padStart(6)}  ${'qualified'.padStart(9)}  ${'ratio'.padStart(5)}  ${'mean score'.padStart(10)}  ${'outcome'.padStart(8)}`);
    for (const g of audit.groups) {
      const mark = g.flagged ? '  ← below ratio' : g.count < options.minGroupSize ? '  (too few to judge)' : '';
      lines.push(
        `  ${g.group.slice(0, 27).padEnd(28)}${String(g.count).padStart(6)}  ${percent(g.qualificationRate).padStart(9)}  ${g.impactRatio.toFixed(2).padStart(5)}  ` +
          `${g.meanScore.toFixed(3).padStart(10)}  ${(g.outcomeRate === undefined ? '' : percent(g.outcomeRate)).padStart(8)}${mark}`,
      );
    }
    lines.push('');
  }

  return lines.join('\n').trimEnd();
}
