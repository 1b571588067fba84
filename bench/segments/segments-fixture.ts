import { segmentDefinitionSchema, type ScoreTrigger, type SegmentDefinition } from '@parley/scoring';

const INDUSTRIES = ['saas', 'retail', 'finance', 'health', 'education', 'media', 'travel', 'logistics', 'energy', 'public'];
const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'ES', 'IT', 'NL', 'SE', 'BR', 'IN'];
const SIZES = ['smb', 'midmarket', 'enterprise'];
const TAGS = ['vip', 'partner', 'newsletter', 'webinar', 'trial'];

/** A small deterministic PRNG so every run sees the same contacts and events. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

export function contactAttributes(random: () => number): Record<string, unknown> {
  return {
    industry: pick(random, INDUSTRIES),
    country: pick(random, COUNTRIES),
    companySize: pick(random, SIZES),
    tags: TAGS.filter(() => random() < 0.15),
  };
}

/** 50 segments over every kind of filter the schema has, alone and combined with all/any/not. */
export function benchSegments(): { definition: SegmentDefinition; source: unknown }[] {
  const filters: unknown[] = [
    ...INDUSTRIES.map((industry) => ({ attribute: 'industry', equals: industry })),
    ...COUNTRIES.map((country) => ({ attribute: 'country', equals: country })),
    ...SIZES.map((size) => ({ attribute: 'companySize', equals: size })),
    ...[10, 30, 50, 80, 120].map((gte) => ({ score: { gte } })),
    { lifecycle: 'lead' },
    { lifecycle: 'mql' },
    { lifecycle: { atLeast: 'sql' } },
    { consent: { purpose: 'marketing' } },
    ...TAGS.map((tag) => ({ tag })),
    { channel: 'sms' },
    { channel: ['webchat', 'whatsapp'] },
    { behaviour: { kind: 'intent', intent: 'pricing' }, within: '7d' },
    { behaviour: { kind: 'email_opened' }, within: '30d', atLeast: 3 },
    { behaviour: { kind: 'page_visit', url: '/pricing' }, within: '14d' },
    { all: [{ attribute: 'companySize', in: ['midmarket', 'enterprise'] }, { behaviour: { kind: 'intent', intent: 'pricing' }, within: '7d' }] },
    { all: [{ lifecycle: { atLeast: 'mql' } }, { not: { tag: 'partner' } }] },
    { any: [{ score: { gte: 60 } }, { tag: 'vip' }] },
    { all: [{ attribute: 'country', in: ['DE', 'FR', 'ES', 'IT', 'NL', 'SE'] }, { consent: { purpose: 'marketing' } }] },
    { not: { any: [{ attribute: 'industry', equals: 'education' }, { tag: 'newsletter' }] } },
    { all: [{ attribute: 'industry', in: ['saas', 'finance'] }, { lifecycle: { atLeast: 'lead' } }] },
    { behaviour: { kind: 'consent', purpose: 'marketing', granted: false }, within: '30d' },
    { all: [{ channel: 'sms' }, { not: { consent: { purpose: 'marketing' } } }] },
  ];
  return filters.slice(0, 50).map((filter, i) => ({ definition: segmentDefinitionSchema.parse({ id: `s${String(i).padStart(2, '0')}`, name: `segment ${i}`, filter }), source: filter }));
}

/** One event as a score job sees it: triggers plus the attributes it changed. */
export interface BenchEvent {
  triggers: ScoreTrigger[];
  attributes?: Record<string, unknown>;
}

export function randomEvent(random: () => number): BenchEvent {
  const r = random();
  if (r < 0.3) return { triggers: [{ kind: 'intent', intent: pick(random, ['pricing', 'book_demo', 'talk_to_human', 'greeting']) }] };
  if (r < 0.55) {
    const size = pick(random, SIZES);
    return { triggers: [{ kind: 'answer', attribute: 'companySize', value: size }], attributes: { companySize: size } };
  }
  if (r < 0.75) return { triggers: [{ kind: 'email_opened', campaign: 'nurture' }] };
  if (r < 0.85) return { triggers: [{ kind: 'consent', purpose: 'marketing', granted: random() < 0.8 }] };
  return { triggers: [{ kind: 'page_visit', url: pick(random, ['https://parley.example/pricing', 'https://parley.example/blog', 'https://parley.example/customers']) }] };
}
