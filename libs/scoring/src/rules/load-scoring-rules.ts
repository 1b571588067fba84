import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { scoringRulesSchema, type ScoringRules } from './scoring-rules.schema';

export class ScoringRulesError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid scoring rules\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Validates YAML text of a scoring rules file; `file` only labels the errors. */
export function parseScoringRules(text: string, file = 'scoring.yaml'): ScoringRules {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ScoringRulesError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = scoringRulesSchema.safeParse(data);
  if (!parsed.success) throw new ScoringRulesError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));

  return parsed.data;
}

export function loadScoringRules(path: string): ScoringRules {
  return parseScoringRules(readFileSync(path, 'utf8'), path);
}
