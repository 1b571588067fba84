/** Examples for the OpenAPI document of the scoring and segment routes (shaped like real answers). */
const contactId = '0190b6a4-3c1e-7a4b-9f2e-5d8c1a2b3c4d';
const at = '2026-03-02T10:15:00.000Z';

export const contactScoreExample = {
  contactId,
  at,
  total: 80,
  lifecycle: 'sql',
  reasons: [
    { ruleId: 'size_enterprise', reason: 'company size 1000+', points: 25, text: '+25 company size 1000+' },
    { ruleId: 'bant_timeline', reason: 'buying this quarter', points: 20, text: '+20 buying this quarter' },
  ],
  predicted: null,
  blended: 80,
  rulesVersion: 1,
  ledger: [{ ruleId: 'size_enterprise', points: 25, reason: 'company size 1000+', kind: 'fit', at, rulesVersion: 1 }],
  segments: ['enterprise'],
};

export const segmentBodyExample = { id: 'enterprise', name: 'Enterprise accounts', filter: { attribute: 'companySize', equals: 'enterprise' } };

export const segmentExample = { ...segmentBodyExample, members: 42, createdAt: at, updatedAt: at };

export const segmentListExample = { items: [segmentExample] };

export const segmentMembersExample = { segmentId: 'enterprise', total: 42, limit: 50, offset: 0, items: [{ contactId, since: at, attributes: { name: 'Ana Lee', companySize: 'enterprise' } }] };

export const rulesExample = { version: 1, file: 'flows/scoring.yaml', yaml: 'version: 1\nlifecycle: { lead: 10, mql: 50, sql: 80 }\nrules:\n  - { id: asked_pricing, type: behaviour, on: { kind: intent, intent: pricing }, points: 20, reason: asked for pricing }\n' };

export const rulesBodyExample = { yaml: 'version: 2\nlifecycle: { lead: 10, mql: 50, sql: 80 }\nrules:\n  - { id: asked_pricing, type: behaviour, on: { kind: intent, intent: pricing }, points: 30, reason: asked for pricing }\n' };

export const rescoreExample = { id: '0190b6a4-4d2f-7b5c-8a3f-6e9d2b3c4d5e', rulesVersion: 2, trigger: 'api', status: 'running', total: 100000, done: 12800, changed: 3100, startedAt: at };

export const rulesUpdateExample = { version: 2, rescore: rescoreExample };
