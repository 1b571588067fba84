import { z } from 'zod';
import { durationSchema, halfLifeSchema } from '../common/duration';
import { attributeConditionSchema } from './attribute-condition';
import { eventMatcherSchema } from './event-matcher';

/** The rule type picks the half-life its points decay with. */
export const RULE_TYPES = ['behaviour', 'engagement', 'fit', 'negative'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

const ruleIdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _');
const pointsSchema = z.number().int().refine((p) => p !== 0, 'points must not be 0');

/** At most `max` points (in absolute value) from the rule, ever or within a rolling `period`. */
export const capSchema = z.strictObject({ max: z.number().positive(), period: durationSchema.optional() });

/** Points each time a matching trigger happens. */
export const eventRuleSchema = z.strictObject({
  id: ruleIdSchema,
  type: z.enum(RULE_TYPES),
  on: eventMatcherSchema,
  points: pointsSchema,
  reason: z.string().min(1),
  cap: capSchema.optional(),
});

/** Points while an attribute condition holds, withdrawn when it stops holding. */
export const attributeRuleSchema = z.strictObject({
  id: ruleIdSchema,
  type: z.enum(RULE_TYPES),
  when: attributeConditionSchema,
  points: pointsSchema,
  reason: z.string().min(1),
});

const lifecycleSchema = z
  .strictObject({
    lead: z.number(),
    mql: z.number(),
    sql: z.number(),
    /** Usually left out: a deal won in the CRM makes a customer, not a score. */
    customer: z.number().optional(),
    /** Whether a falling score may move a contact back to an earlier stage. */
    demote: z.boolean().default(false),
    /** What reaching SQL sets off, once per contact: a Slack handoff card to `queue`, and a CRM push (`webhook` or `hubspot`). */
    onSql: z
      .strictObject({
        handoff: z.boolean().default(true),
        queue: z.string().min(1).default('sales'),
        /** The card waits this long and is dropped if the conversation got one meanwhile (a flow's own handoff). */
        handoffAfter: durationSchema.default(120_000),
        crm: z.union([z.enum(['webhook', 'hubspot']), z.literal(false)]).default('webhook'),
      })
      .default({ handoff: true, queue: 'sales', handoffAfter: 120_000, crm: 'webhook' }),
  })
  .refine((l) => l.lead < l.mql && l.mql < l.sql && (l.customer === undefined || l.sql < l.customer), 'thresholds must rise: lead < mql < sql < customer');

export const scoringRulesSchema = z
  .strictObject({
    version: z.number().int().positive(),
    /** Half-life per rule type, e.g. `behaviour: 30d`; `never` (the default) keeps points forever. */
    decay: z.partialRecord(z.enum(RULE_TYPES), halfLifeSchema).default({}),
    /** Caps over all rules of a type, e.g. at most 30 engagement points a day. */
    caps: z.array(capSchema.extend({ type: z.enum(RULE_TYPES), period: durationSchema })).default([]),
    lifecycle: lifecycleSchema,
    /** Blended score = (1 - model) * rule points + model * probability * scale. */
    blend: z.strictObject({ model: z.number().min(0).max(1), scale: z.number().positive() }).default({ model: 0, scale: 100 }),
    rules: z.array(z.union([eventRuleSchema, attributeRuleSchema])).min(1),
  })
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    rules.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
  });

export type ScoringRules = z.infer<typeof scoringRulesSchema>;
export type EventRule = z.infer<typeof eventRuleSchema>;
export type AttributeRule = z.infer<typeof attributeRuleSchema>;
export type ScoringRule = EventRule | AttributeRule;

export const isEventRule = (rule: ScoringRule): rule is EventRule => 'on' in rule;
