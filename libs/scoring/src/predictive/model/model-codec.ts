import { z } from 'zod';
import { LEAD_MODEL_FORMAT, LEAD_MODEL_VERSION, type LeadModel } from './lead-model';

const finite = z.number().refine(Number.isFinite, 'a finite number');

const encodingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('categorical'), name: z.string(), levels: z.array(z.string()) }),
  z.object({
    kind: z.literal('numeric'),
    name: z.string(),
    median: finite,
    log: z.boolean(),
    mean: finite,
    std: finite,
    edges: z.array(finite),
    hasMissing: z.boolean(),
  }),
]);

const nodeSchema = z.union([
  z.strictObject({ value: finite, column: z.number().int().min(0), leftBins: z.array(z.number().int().min(0)).min(1), left: z.number().int(), right: z.number().int() }),
  z.strictObject({ value: finite }),
]);

const leadModelSchema = z.object({
  format: z.literal(LEAD_MODEL_FORMAT),
  version: z.literal(LEAD_MODEL_VERSION),
  target: z.string(),
  positive: z.string(),
  columns: z.array(z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']) })),
  encodings: z.array(encodingSchema),
  linear: z.object({ bins: z.boolean(), weights: z.array(finite), intercept: finite, means: z.array(finite), l2: finite }),
  trees: z.object({ edges: z.array(z.array(finite)), base: finite, trees: z.array(z.object({ nodes: z.array(nodeSchema).min(1) })) }).optional(),
  stack: z.object({ linear: finite, trees: finite, intercept: finite }),
});

export function serialiseModel(model: LeadModel): string {
  return JSON.stringify(model);
}

/** Reads a model written by serialiseModel; throws with the first problem when the text is not one. */
export function deserialiseModel(text: string): LeadModel {
  const parsed = leadModelSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a Parley lead model: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const model = parsed.data as LeadModel;
  if (model.encodings.length !== model.columns.length) throw new Error('not a Parley lead model: encodings and columns differ in length');
  if (model.linear.weights.length !== model.linear.means.length) throw new Error('not a Parley lead model: weights and means differ in length');

  return model;
}
