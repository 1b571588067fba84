import type { RoutingCondition, SlackRouting } from './slack-routing';

/** What routing looks at: the contact's attributes, its segments and the flow's queue. */
export interface LeadFacts {
  attributes: Record<string, unknown>;
  segments: readonly string[];
  queue?: string;
}

export interface Route {
  channel: string;
  /** The rule that chose the channel (its name, or `rule <n>`); absent for the fallback. */
  rule?: string;
}

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
const same = (a: unknown, b: string) => (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') && String(a).trim().toLowerCase() === b.toLowerCase();
const anyOf = (value: unknown, wanted: string | string[]) => list(wanted).some((w) => (Array.isArray(value) ? value.some((v) => same(v, w)) : same(value, w)));

/** The contact's segments: a `segments` list attribute and a `segment` attribute, plus live memberships. */
export function segmentsOf(attributes: Record<string, unknown>, live: readonly string[] = []): string[] {
  const named = [attributes.segments, attributes.segment].flat().filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  return [...new Set([...named, ...live])];
}

function holds(when: RoutingCondition, facts: LeadFacts): boolean {
  const { attributes } = facts;
  if (when.segment && !list(when.segment).some((s) => facts.segments.some((m) => same(m, s)))) return false;
  if (when.country && !anyOf(attributes.country, when.country)) return false;
  if (when.region && !anyOf(attributes.region, when.region)) return false;
  if (when.owner && !anyOf(attributes.owner, when.owner)) return false;
  if (when.queue && !anyOf(facts.queue, when.queue)) return false;
  for (const [name, wanted] of Object.entries(when.attributes ?? {})) if (!anyOf(attributes[name], wanted)) return false;
  return true;
}

/** The first rule whose conditions all hold picks the channel; none, the fallback does. */
export function routeHandoff(routing: SlackRouting, facts: LeadFacts, fallback: string): Route {
  const index = routing.rules.findIndex((rule) => holds(rule.when, facts));
  if (index < 0) return { channel: fallback };
  const rule = routing.rules[index];
  return { channel: rule.channel, rule: rule.name ?? `rule ${index + 1}` };
}
