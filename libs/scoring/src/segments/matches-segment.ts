import { attributeHolds } from '../rules/attribute-condition';
import { eventMatches } from '../rules/event-matcher';
import { stageRank } from '../lifecycle/lifecycle-stage';
import type { ContactFacts } from './contact-facts';
import type { SegmentDefinition, SegmentFilter } from './segment.schema';

export function matchesSegment(facts: ContactFacts, segment: SegmentDefinition, now: Date): boolean {
  return filterHolds(segment.filter, facts, now);
}

export function filterHolds(filter: SegmentFilter, facts: ContactFacts, now: Date): boolean {
  if ('all' in filter) return filter.all.every((f) => filterHolds(f, facts, now));
  if ('any' in filter) return filter.any.some((f) => filterHolds(f, facts, now));
  if ('not' in filter) return !filterHolds(filter.not, facts, now);
  if ('attribute' in filter) return attributeHolds(filter, facts.attributes);
  if ('score' in filter) return (filter.score.gte === undefined || facts.score >= filter.score.gte) && (filter.score.lte === undefined || facts.score <= filter.score.lte);
  if ('lifecycle' in filter) {
    const wanted = filter.lifecycle;
    if (typeof wanted === 'object' && !Array.isArray(wanted)) return stageRank(facts.lifecycle) >= stageRank(wanted.atLeast);
    return (Array.isArray(wanted) ? wanted : [wanted]).includes(facts.lifecycle);
  }
  if ('consent' in filter) return (facts.consents[filter.consent.purpose] ?? false) === filter.consent.granted;
  if ('tag' in filter) return (Array.isArray(filter.tag) ? filter.tag : [filter.tag]).some((t) => facts.tags.includes(t));
  if ('channel' in filter) return (Array.isArray(filter.channel) ? filter.channel : [filter.channel]).some((c) => facts.channels.includes(c));
  const since = now.getTime() - filter.within;
  const count = facts.activity.filter((a) => a.at.getTime() > since && a.at.getTime() <= now.getTime() && eventMatches(filter.behaviour, a)).length;

  return count >= filter.atLeast;
}
