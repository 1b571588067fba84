export interface TemplateFilter {
  name: string;
  arg?: string;
}

export interface TemplateExpression {
  path: string;
  filters: TemplateFilter[];
}

export const TEMPLATE_FILTERS = ['default', 'upper', 'lower', 'capitalize', 'first'] as const;
/** `contact.*` and `entities.*` take a name; the others stand alone. */
export const TEMPLATE_ROOTS = ['contact', 'entities', 'segment', 'segments', 'channel', 'locale', 'score'] as const;
const ROOTS_WITH_NAMES = new Set(['contact', 'entities']);

const PATH = /^[A-Za-z_][\w]*(?:\.[\w-]+)*$/;
const FILTER = /^([a-z]+)\s*(?::\s*(?:"([^"]*)"|'([^']*)'))?$/;

function splitOutsideQuotes(source: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let current = '';
  for (const char of source) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '|') {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

/** Parses what is between `{{` and `}}`: a variable path and filters, `contact.name | default: "there"`. */
export function parseExpression(source: string): TemplateExpression | { error: string } {
  const [path, ...rawFilters] = splitOutsideQuotes(source);
  if (!PATH.test(path)) return { error: `bad template expression "{{${source}}}"` };
  const [root, ...rest] = path.split('.');
  if (!(TEMPLATE_ROOTS as readonly string[]).includes(root) || ROOTS_WITH_NAMES.has(root) !== rest.length > 0) {
    return { error: `bad template variable "${path}" (use contact.<attribute>, entities.<type>, ${TEMPLATE_ROOTS.slice(2).join(', ')})` };
  }
  const filters: TemplateFilter[] = [];
  for (const raw of rawFilters) {
    const match = FILTER.exec(raw);
    if (!match || !(TEMPLATE_FILTERS as readonly string[]).includes(match[1])) {
      return { error: `unknown template filter "${raw}" (one of ${TEMPLATE_FILTERS.join(', ')})` };
    }
    const arg = match[2] ?? match[3];
    filters.push(arg === undefined ? { name: match[1] } : { name: match[1], arg });
  }
  return { path, filters };
}
