import type { RuleType } from '../rules/scoring-rules.schema';

/** One line of the append-only score ledger: every change of a contact's score, with its reason. */
export interface ScoreEvent {
  contactId: string;
  ruleId: string;
  /** Signed points as awarded at `at`, before decay. */
  points: number;
  reason: string;
  at: Date;
  /** The rule's type, which sets the half-life; kept on the event so replay does not depend on today's rules file. */
  kind: RuleType;
  /** Withdraws an attribute rule's points when its condition stops holding. */
  reversal?: boolean;
  /** Version of the rules file that produced the event. */
  rulesVersion: number;
}

/** The contact as the scoring rules see it. */
export interface ScoringContact {
  id: string;
  attributes: Record<string, unknown>;
}
