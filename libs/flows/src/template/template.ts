import { parseExpression, type TemplateExpression } from './template-expression';

export interface TemplateScope {
  contact: Readonly<Record<string, unknown>>;
  entities?: Readonly<Record<string, unknown>>;
  segment?: string;
  segments?: readonly string[];
  channel?: string;
  locale?: string;
  score?: number;
}

export interface RenderOptions {
  /** Applied to contact and entity values, never to the author's text (see escapeForChannel). */
  escape?: (value: string) => string;
}

type Part = string | TemplateExpression | null;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const MAX_VALUE_LENGTH = 500;
const MAX_CACHED = 5000;
const parsed = new Map<string, Part[]>();

function partsOf(text: string): Part[] {
  let parts = parsed.get(text);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, match.index));
    const expression = parseExpression(match[1]);
    parts.push('error' in expression ? null : expression);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, parts);
  return parts;
}

function lookup(scope: TemplateScope, path: string): unknown {
  let value: unknown = scope;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ');
  return '';
}

function evaluate(expression: TemplateExpression, scope: TemplateScope, escape?: (value: string) => string): string {
  let text = asText(lookup(scope, expression.path)).trim();
  if (text.length > MAX_VALUE_LENGTH) text = `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`;
  let authored = false;
  for (const { name, arg } of expression.filters) {
    if (name === 'default' && !text) {
      text = arg ?? '';
      authored = true;
    } else if (name === 'upper') text = text.toUpperCase();
    else if (name === 'lower') text = text.toLowerCase();
    else if (name === 'capitalize') text = text.charAt(0).toUpperCase() + text.slice(1);
    else if (name === 'first') text = text.split(/\s+/)[0] ?? '';
  }
  return authored || !escape ? text : escape(text);
}

/**
 * Renders `Hi {{contact.firstName | default: "there"}}`. A missing value renders as its default or as nothing,
 * never "undefined"; values are inserted once, so a value that looks like a template is not expanded.
 */
export function renderTemplate(text: string, scope: TemplateScope, options: RenderOptions = {}): string {
  if (!text.includes('{{')) return text;
  return partsOf(text)
    .map((part) => (part === null ? '' : typeof part === 'string' ? part : evaluate(part, scope, options.escape)))
    .join('');
}

/** Problems of every placeholder in a text, for the validator. */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const expression = parseExpression(match[1]);
    if ('error' in expression) problems.push(expression.error);
  }
  const unclosed = text.replace(PLACEHOLDER, '').includes('{{');
  return unclosed ? [...problems, 'unclosed "{{" in template'] : problems;
}

export function templateVariables(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].flatMap((m) => {
    const expression = parseExpression(m[1]);
    return 'error' in expression ? [] : [expression.path];
  });
}
