import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const conditionSchema = z
  .strictObject({
    /** Segment names: the contact's `segments` (list) or `segment` attribute. */
    segment: oneOrMany.optional(),
    /** Territory: the contact's `country` (ISO code or name) or `region` (EMEA, APAC…) attribute. */
    country: oneOrMany.optional(),
    region: oneOrMany.optional(),
    /** The contact's `owner` attribute (an account owner, e.g. a Slack user id or an email). */
    owner: oneOrMany.optional(),
    /** Any other contact attribute, e.g. `companySize: [midmarket, enterprise]`. */
    attributes: z.record(z.string(), oneOrMany).optional(),
    /** The flow's handoff queue. */
    queue: oneOrMany.optional(),
  })
  .refine((when) => Object.keys(when).length > 0, { message: 'a rule needs at least one condition' });

export const slackRoutingSchema = z.strictObject({
  rules: z.array(z.strictObject({ name: z.string().min(1).optional(), when: conditionSchema, channel: z.string().min(1) })).default([]),
  /** Where an unclaimed card goes after the re-route time; unset, SLACK_ESCALATION_CHANNEL or SLACK_SALES_CHANNEL. */
  escalation: z.string().min(1).optional(),
});

export type SlackRouting = z.infer<typeof slackRoutingSchema>;
export type RoutingCondition = z.infer<typeof conditionSchema>;

export const NO_ROUTING: SlackRouting = { rules: [] };

export class SlackRoutingError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}: invalid Slack routing rules\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export function parseSlackRouting(text: string, file = 'slack-routing.yaml'): SlackRouting {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new SlackRoutingError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = slackRoutingSchema.safeParse(data ?? {});
  if (!parsed.success) throw new SlackRoutingError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}

export function loadSlackRouting(path: string): SlackRouting {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SlackRoutingError(path, [`cannot read the file: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return parseSlackRouting(text, path);
}
