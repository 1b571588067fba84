import { quantileEdges } from '../predictive/features/quantile-edges';
import { groupLabels } from './group-labels';

export interface AuditRow {
  /** The row's values of the audited columns (and any others); missing values form their own group. */
  attributes: Record<string, unknown>;
  score: number;
  /** Whether the row was qualified (e.g. score at or above the MQL threshold, or probability ≥ 0.5). */
  qualified: boolean;
  /** The actual outcome when known, to tell a disparity in the score from one in the base rate. */
  outcome?: boolean;
}

export interface GroupStats {
  group: string;
  count: number;
  qualificationRate: number;
  meanScore: number;
  outcomeRate?: number;
  /** Qualification rate over the highest rate among the column's groups (the four-fifths rule's ratio). */
  impactRatio: number;
  /** Impact ratio below the threshold, in a group large enough to judge. */
  flagged: boolean;
}

export interface ColumnAudit {
  column: string;
  groups: GroupStats[];
  flagged: string[];
}

export interface AuditOptions {
  /** Flag groups whose qualification rate is below this share of the best group's (0.8: the four-fifths rule). */
  ratio: number;
  /** Groups with fewer rows are reported but neither flagged nor used as the reference. */
  minGroupSize: number;
  /** Numeric columns with more distinct values than this (an age, say) are cut into this many quantile bands. */
  bands: number;
}

export const DEFAULT_AUDIT_OPTIONS: AuditOptions = { ratio: 0.8, minGroupSize: 30, bands: 5 };

/** Per named (protected or proxy) column: qualification rate and mean score by group, with disparities flagged. */
export function fairnessAudit(rows: readonly AuditRow[], groupColumns: readonly string[], overrides: Partial<AuditOptions> = {}): ColumnAudit[] {
  const options = { ...DEFAULT_AUDIT_OPTIONS, ...overrides };

  return groupColumns.map((column) => {
    const values = rows.map((row) => row.attributes[column]);
    const numbers = values.filter((v) => v !== undefined && v !== null && v !== '').map(Number);
    const banded = numbers.length > 0 && numbers.every(Number.isFinite) && new Set(numbers).size > options.bands;
    const labels = groupLabels(values, banded ? quantileEdges(numbers, options.bands) : undefined);
    const byGroup = new Map<string, AuditRow[]>();
    rows.forEach((row, i) => {
      const members = byGroup.get(labels[i]) ?? [];
      members.push(row);
      byGroup.set(labels[i], members);
    });
    const stats = [...byGroup].map(([group, members]) => groupStats(group, members));
    const reference = Math.max(0, ...stats.filter((s) => s.count >= options.minGroupSize).map((s) => s.qualificationRate));
    const groups = stats
      .map((s) => {
        const impactRatio = reference > 0 ? s.qualificationRate / reference : 1;
        return { ...s, impactRatio, flagged: s.count >= options.minGroupSize && impactRatio < options.ratio };
      })
      .sort((a, b) => b.count - a.count || (a.group < b.group ? -1 : 1));

    return { column, groups, flagged: groups.filter((g) => g.flagged).map((g) => g.group) };
  });
}

function groupStats(group: string, members: AuditRow[]): Omit<GroupStats, 'impactRatio' | 'flagged'> {
  const known = members.filter((m) => m.outcome !== undefined);

  return {
    group,
    count: members.length,
    qualificationRate: members.filter((m) => m.qualified).length / members.length,
    meanScore: members.reduce((s, m) => s + m.score, 0) / members.length,
    ...(known.length ? { outcomeRate: known.filter((m) => m.outcome).length / known.length } : {}),
  };
}
