import { readFileSync } from 'node:fs';
import { z } from 'zod';

const pairs = z.array(z.tuple([z.string(), z.string()]));

/** CLINC150's shape: `[text, intent]` pairs per split; the `oos_*` splits hold out-of-scope texts. */
export const datasetSchema = z.object({
  train: pairs,
  val: pairs,
  test: pairs,
  oos_train: pairs.optional(),
  oos_val: pairs.optional(),
  oos_test: pairs.optional(),
});

export type Dataset = z.infer<typeof datasetSchema>;

export function readDataset(path: string): Dataset {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read dataset ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is not a dataset of [text, intent] splits: ${z.prettifyError(parsed.error)}`);

  return parsed.data;
}
