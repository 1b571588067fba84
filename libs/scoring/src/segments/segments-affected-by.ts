import type { TriggerKind } from '../rules/score-trigger';
import type { SegmentDefinition, SegmentFilter } from './segment.schema';

/**
 * A change that can alter segment membership: a trigger recorded as activity, a fact that
 * changed (`attribute:<name>` for one attribute), or `clock` (time passed: behaviour windows
 * close and decaying scores fall).
 */
export type SegmentEventKind = TriggerKind | 'score' | 'lifecycle' | 'consent' | 'tags' | 'channel' | 'clock' | `attribute:${string}`;

/** What a filter reads, in the vocabulary of SegmentEventKind. */
export function filterDependencies(filter: SegmentFilter): Set<SegmentEventKind> {
  if ('all' in filter) return union(filter.all.map(filterDependencies));
  if ('any' in filter) return union(filter.any.map(filterDependencies));
  if ('not' in filter) return filterDependencies(filter.not);
  if ('attribute' in filter) return new Set<SegmentEventKind>([`attribute:${filter.attribute}`]);
  if ('score' in filter) return new Set(['score', 'clock']);
  if ('lifecycle' in filter) return new Set(['lifecycle']);
  if ('consent' in filter) return new Set(['consent']);
  if ('tag' in filter) return new Set(['tags']);
  if ('channel' in filter) return new Set(['channel']);

  return new Set([filter.behaviour.kind, 'clock']);
}

/**
 * Ids of the segments whose membership `eventKind` can change, so membership is re-checked
 * for those only, per event, instead of rebuilding every segment on a schedule.
 */
export function segmentsAffectedBy(eventKind: SegmentEventKind, segments: readonly SegmentDefinition[]): string[] {
  return segments.filter((segment) => filterDependencies(segment.filter).has(eventKind)).map((segment) => segment.id);
}

function union(sets: Set<SegmentEventKind>[]): Set<SegmentEventKind> {
  return new Set(sets.flatMap((s) => [...s]));
}
