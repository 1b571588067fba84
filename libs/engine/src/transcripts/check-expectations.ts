import type { FlowAction } from '@parley/flows';
import { isDeepStrictEqual } from 'node:util';
import type { TranscriptExpectations } from './transcript.schema';

export interface ConversationOutcome {
  attributes: Record<string, unknown>;
  actions: FlowAction[];
  ended: boolean;
}

const show = (value: unknown) => JSON.stringify(value);
const of = <T extends FlowAction['type']>(actions: FlowAction[], type: T) =>
  actions.filter((a): a is Extract<FlowAction, { type: T }> => a.type === type);

function scoreProblems(expected: NonNullable<TranscriptExpectations['score']>, actions: FlowAction[]): string[] {
  const events = of(actions, 'score');
  const problems: string[] = [];
  const names = events.map((e) => e.event);
  if (expected.events && !isDeepStrictEqual(names, expected.events)) problems.push(`score events ${show(names)}, expected ${show(expected.events)}`);
  const points = events.reduce((sum, e) => sum + (e.points ?? 0), 0);
  if (expected.points !== undefined && points !== expected.points) problems.push(`score points ${points}, expected ${expected.points}`);
  return problems;
}

function consentProblems(expected: TranscriptExpectations['consent'], actions: FlowAction[]): string[] {
  const consents = of(actions, 'consent');
  if (expected === null) return consents.length ? [`expected no consent, got ${show(consents.map((c) => c.purpose))}`] : [];
  return (expected ?? []).flatMap((want) => {
    const found = consents.find(
      (c) => c.purpose === want.purpose && c.granted === want.granted && (want.version === undefined || c.disclosure.version === want.version) && (want.method === undefined || c.method === want.method),
    );
    return found ? [] : [`expected consent ${show(want)}, got ${show(consents.map((c) => ({ purpose: c.purpose, granted: c.granted, version: c.disclosure.version })))}`];
  });
}

function handoffProblems(expected: TranscriptExpectations['handoff'], actions: FlowAction[]): string[] {
  const handoff = of(actions, 'handoff').at(-1);
  if (expected === null) return handoff ? [`expected no handoff, got ${show(handoff)}`] : [];
  if (!expected) return [];
  if (!handoff) return [`expected a handoff to ${expected.queue}, got none`];
  const matches = handoff.queue === expected.queue && (expected.priority === undefined || handoff.priority === expected.priority);
  return matches ? [] : [`expected handoff ${show(expected)}, got ${show({ queue: handoff.queue, priority: handoff.priority })}`];
}

function tagsOf(actions: FlowAction[]): Set<string> {
  const tags = new Set<string>();
  for (const t of of(actions, 'tag')) {
    t.add.forEach((tag) => tags.add(tag));
    t.remove.forEach((tag) => tags.delete(tag));
  }
  return tags;
}

/** Attributes are read from the store the engine wrote (null: absent); the other expectations from the flow's actions. */
export function checkExpectations(expected: TranscriptExpectations, outcome: ConversationOutcome): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(expected.attributes ?? {})) {
    const actual = outcome.attributes[name];
    const absent = value === null && (actual === undefined || actual === null);
    if (!absent && !isDeepStrictEqual(actual, value)) problems.push(`attribute ${name} is ${show(actual)}, expected ${show(value)}`);
  }
  if (expected.score) problems.push(...scoreProblems(expected.score, outcome.actions));
  problems.push(...consentProblems(expected.consent, outcome.actions), ...handoffProblems(expected.handoff, outcome.actions));
  const followups = of(outcome.actions, 'followup');
  for (const want of expected.followups ?? []) {
    if (!followups.some((f) => f.kind === want.kind && f.target === want.target)) {
      problems.push(`expected followup ${show(want)}, got ${show(followups.map((f) => ({ kind: f.kind, target: f.target })))}`);
    }
  }
  const tags = tagsOf(outcome.actions);
  for (const tag of expected.tags ?? []) if (!tags.has(tag)) problems.push(`expected tag "${tag}", got ${show([...tags])}`);
  if (expected.split) {
    const split = of(outcome.actions, 'split').find((s) => s.experiment === expected.split?.experiment);
    if (split?.arm !== expected.split.arm) problems.push(`expected split ${show(expected.split)}, got ${show(split?.arm ?? null)}`);
  }
  if (expected.ended !== undefined && outcome.ended !== expected.ended) problems.push(expected.ended ? 'expected the flow to have ended' : 'expected the flow to be waiting');
  return problems;
}
