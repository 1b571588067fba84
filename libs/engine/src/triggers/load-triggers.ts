import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { triggersFileSchema, type EventTrigger } from './trigger-schema';

/** `flows/triggers.yaml`; no file means no triggers. A bad file stops the boot: automation that silently does nothing is worse. */
export function loadTriggers(file: string): EventTrigger[] {
  if (!existsSync(file)) return [];
  const parsed = triggersFileSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data.triggers;
}
