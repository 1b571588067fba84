const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*(?:\|\s*default:\s*"([^"]*)"\s*)?\}\}/g;

export interface TemplateScope {
  contact: Record<string, unknown>;
  [name: string]: unknown;
}

function lookup(scope: TemplateScope, path: string): unknown {
  let value: unknown = scope;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Renders `{{contact.name | default: "there"}}`; a missing value renders as its default or as nothing, never "undefined". */
export function renderTemplate(text: string, scope: TemplateScope): string {
  return text.replace(PLACEHOLDER, (_match, path: string, fallback?: string) => {
    const value = lookup(scope, path);
    if (value === undefined || value === null || value === '') return fallback ?? '';
    return String(value);
  });
}

export function templateVariables(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
