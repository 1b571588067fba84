import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { IntentExample } from './intent-example';

const threshold = z.number().min(0).max(1);
const nluFileSchema = z.strictObject({
  locale: z.string().min(2).default('en'),
  threshold: threshold.optional(),
  intents: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
    z.strictObject({ threshold: threshold.optional(), examples: z.array(z.string().min(1)).min(1) }),
  ),
});

export interface NluConfig {
  examples: IntentExample[];
  /** The last file's global threshold wins when several set one. */
  threshold?: number;
  intentThresholds: Record<string, number>;
}

/** `<dir>/nlu/*.yaml` when that folder exists (dir = flows/), else `<dir>/*.yaml` except flow files. */
export function nluFilesIn(dir: string): string[] {
  const nested = join(dir, 'nlu');
  const folder = existsSync(nested) && statSync(nested).isDirectory() ? nested : dir;
  if (!existsSync(folder)) return [];

  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name) && !/\.flow\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

export function loadNluConfig(dir: string): NluConfig {
  const config: NluConfig = { examples: [], intentThresholds: {} };
  for (const file of nluFilesIn(dir)) {
    const parsed = nluFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    const { locale, intents } = parsed.data;
    if (parsed.data.threshold !== undefined) config.threshold = parsed.data.threshold;
    for (const [intent, { threshold: own, examples }] of Object.entries(intents)) {
      if (own !== undefined) config.intentThresholds[intent] = own;
      config.examples.push(...examples.map((text) => ({ text, intent, locale })));
    }
  }

  return config;
}

/** The training examples of flows/nlu/*.yaml (see the header of those files for the format). */
export function loadIntentExamples(dir: string): IntentExample[] {
  return loadNluConfig(dir).examples;
}
