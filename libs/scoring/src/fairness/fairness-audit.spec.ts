import { fairnessAudit, type AuditRow } from './fairness-audit';

/** `n` rows of one group, the first `qualified` of them qualified. */
const group = (attributes: Record<string, unknown>, n: number, qualified: number, outcomes = qualified): AuditRow[] =>
  Array.from({ length: n }, (_, i) => ({ attributes, score: i < qualified ? 0.8 : 0.2, qualified: i < qualified, outcome: i < outcomes }));

describe('fairness audit', () => {
  it('flags groups qualified at less than four fifths of the best group’s rate', () => {
    const rows = [...group({ country: 'IN' }, 100, 50), ...group({ country: 'US' }, 100, 45), ...group({ country: 'AE' }, 100, 30, 50)];
    const [audit] = fairnessAudit(rows, ['country']);
    expect(audit.flagged).toEqual(['AE']);
    const byGroup = Object.fromEntries(audit.groups.map((g) => [g.group, g]));
    expect(byGroup.US).toMatchObject({ count: 100, qualificationRate: 0.45, impactRatio: 0.9, flagged: false });
    expect(byGroup.AE).toMatchObject({ qualificationRate: 0.3, impactRatio: 0.6, outcomeRate: 0.5, flagged: true });
    expect(byGroup.AE.meanScore).toBeCloseTo(0.38, 10);
  });

  it('shows small groups and missing values but neither flags them nor measures against them', () => {
    const rows = [...group({ gender: 'f' }, 50, 20), ...group({ gender: 'm' }, 50, 22), ...group({}, 5, 5), ...group({ gender: 'x' }, 4, 0)];
    const [audit] = fairnessAudit(rows, ['gender'], { minGroupSize: 10 });
    expect(audit.flagged).toEqual([]);
    expect(audit.groups.map((g) => [g.group, g.impactRatio.toFixed(2)])).toEqual([
      ['f', '0.91'],
      ['m', '1.00'],
      ['(missing)', '2.27'],
      ['x', '0.00'],
    ]);
  });

  it('cuts numeric columns such as age into bands', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ attributes: { age: 18 + (i % 50) }, score: 0, qualified: 18 + (i % 50) < 40 }));
    const [audit] = fairnessAudit(rows, ['age'], { bands: 4 });
    expect(audit.groups.map((g) => g.group)).toEqual(expect.arrayContaining(['≤ 30', '(30, 43]', '(43, 55]', '> 55']));
    expect([...audit.flagged].sort()).toEqual(['(30, 43]', '(43, 55]', '> 55']);
  });
});
