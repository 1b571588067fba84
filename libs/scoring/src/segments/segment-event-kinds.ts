import type { ScoreTrigger } from '../rules/score-trigger';
import type { SegmentDefinition } from './segment.schema';
import { filterDependencies, type SegmentEventKind } from './segments-affected-by';

/** What each segment reads, worked out once per definition object (this runs on every event). */
const dependencies = new WeakMap<SegmentDefinition, Set<SegmentEventKind>>();
function dependenciesOf(segment: SegmentDefinition): Set<SegmentEventKind> {
  let found = dependencies.get(segment);
  if (!found) dependencies.set(segment, (found = filterDependencies(segment.filter)));
  return found;
}

export interface ContactChange {
  triggers: readonly ScoreTrigger[];
  /** Names of the attributes that changed. */
  attributes: readonly string[];
  scoreChanged: boolean;
  lifecycleChanged: boolean;
  /** A message came in on a channel (reachability by channel may have changed). */
  message?: boolean;
}

/** The segment event kinds one change of a contact amounts to. */
export function segmentEventKinds(change: ContactChange): SegmentEventKind[] {
  const kinds = new Set<SegmentEventKind>(change.triggers.map((t) => t.kind));
  for (const name of change.attributes) kinds.add(name === 'tags' ? 'tags' : `attribute:${name}`);
  if (change.triggers.some((t) => t.kind === 'consent' || t.kind === 'unsubscribed')) kinds.add('consent');
  if (change.scoreChanged) kinds.add('score');
  if (change.lifecycleChanged) kinds.add('lifecycle');
  if (change.message) kinds.add('channel');
  return [...kinds];
}

/** Ids of the segments to re-check after a change, each once. */
export function segmentsToRecheck(change: ContactChange, segments: readonly SegmentDefinition[]): string[] {
  const kinds = segmentEventKinds(change);
  return segments.filter((s) => kinds.some((kind) => dependenciesOf(s).has(kind))).map((s) => s.id);
}

/** How far back behaviour clauses of these segments look (0 when none does): activity older than that is never read. */
export function longestBehaviourWindow(segments: readonly SegmentDefinition[]): number {
  const walk = (filter: SegmentDefinition['filter']): number => {
    if ('all' in filter) return Math.max(0, ...filter.all.map(walk));
    if ('any' in filter) return Math.max(0, ...filter.any.map(walk));
    if ('not' in filter) return walk(filter.not);
    return 'behaviour' in filter ? filter.within : 0;
  };
  return Math.max(0, ...segments.map((s) => walk(s.filter)));
}

/** Segments whose membership time alone can change (a behaviour window closing, a decaying score). */
export function timedSegments(segments: readonly SegmentDefinition[]): SegmentDefinition[] {
  return segments.filter((s) => dependenciesOf(s).has('clock'));
}
