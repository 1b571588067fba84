import { nodeOf, type FlowDefinition, type FlowNode } from '../schema/flow.schema';
import { templateProblems } from '../template/template';
import type { FlowProblem } from './flow-problem';
import type { Path } from './node-links';

const LOCALISED_FIELDS = new Set(['text', 'speech', 'retryText', 'title', 'subtitle', 'alt', 'fallbackText']);

/** Every string under a value, with its path; `localised` marks a per-locale map. */
function* strings(value: unknown, path: Path): Generator<{ path: Path; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

function* localisedMaps(value: unknown, path: Path): Generator<{ path: Path; locales: string[] }> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* localisedMaps(item, [...path, i]);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (LOCALISED_FIELDS.has(key) && item && typeof item === 'object' && !Array.isArray(item)) {
        yield { path: [...path, key], locales: Object.keys(item) };
      } else yield* localisedMaps(item, [...path, key]);
    }
  }
}

function textProblems(flow: FlowDefinition, node: unknown, path: Path, nodeId?: string): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const { path: at, text } of strings(node, path)) {
    const exact = at.includes('disclosure');
    if (exact && text.includes('{{')) problems.push({ path: at, nodeId, message: 'a consent disclosure is exact text: no templates' });
    else for (const message of templateProblems(text)) problems.push({ path: at, nodeId, message });
  }
  for (const { path: at, locales } of localisedMaps(node, path)) {
    if (!locales.includes(flow.locale)) {
      problems.push({ path: at, nodeId, message: `missing text for the flow's default locale "${flow.locale}"` });
    }
  }
  return problems;
}

function validRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

function nodeProblems(flow: FlowDefinition, id: string, node: FlowNode): FlowProblem[] {
  const at = (...path: Path) => ['nodes', id, ...path];
  const problem = (path: Path, message: string): FlowProblem => ({ path: at(...path), nodeId: id, message });
  const problems: FlowProblem[] = [];
  if (node.type === 'ask') {
    if (node.validate === 'choice' && !node.options?.length) problems.push(problem(['options'], 'a choice question needs options'));
    if (node.validate !== 'choice' && node.options) problems.push(problem(['options'], `options are read only when validate is choice, not ${node.validate}`));
    if (node.pattern !== undefined && !validRegex(node.pattern)) problems.push(problem(['pattern'], 'not a valid regular expression'));
    if (node.min !== undefined && node.max !== undefined && node.min > node.max) problems.push(problem(['min'], 'min is greater than max'));
  }
  if (node.type === 'split') {
    const total = node.arms.reduce((sum, a) => sum + a.percent, 0);
    if (Math.abs(total - 100) > 1e-9) problems.push(problem(['arms'], `split percentages add up to ${total}, not 100`));
    const names = node.arms.map((a) => a.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) problems.push(problem(['arms', i, 'name'], `duplicate arm "${name}"`));
    });
  }
  if (node.type === 'goto') {
    if ((node.next === undefined) === (node.flow === undefined)) problems.push(problem([], 'a goto needs exactly one of `next` (a node) or `flow`'));
    if (node.node !== undefined && node.flow === undefined) problems.push(problem(['node'], '`node` is only read together with `flow`'));
    if (node.flow === flow.id && node.node !== undefined && !nodeOf(flow, node.node)) {
      problems.push(problem(['node'], `unknown node reference "${node.node}"`));
    }
  }
  if (node.type === 'set' && !node.attributes && !node.tags) problems.push(problem([], 'a set node needs `attributes` or `tags`'));
  return [...problems, ...textProblems(flow, node, at(), id)];
}

export function contentProblems(flow: FlowDefinition): FlowProblem[] {
  const problems = textProblems(flow, { fallbackText: flow.fallbackText }, []);
  for (const [id, node] of Object.entries(flow.nodes)) problems.push(...nodeProblems(flow, id, node));
  return problems;
}
