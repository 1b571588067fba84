import Handlebars from 'handlebars';

type Node = { type: string; [key: string]: unknown };

/** Fields the contact import fills in; any other variable must be an attribute some recipient has. */
export const STANDARD_CONTACT_FIELDS = ['name', 'email', 'phone', 'country'] as const;
const BLOCK_HELPERS = new Set(['if', 'unless']);
const MAX_TEMPLATE_LENGTH = 1600;

const handlebars = Handlebars.create();

export class CampaignTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CampaignTemplateError';
  }
}

function pathName(node: Node): string | undefined {
  return node.type === 'PathExpression' ? String(node.original) : undefined;
}

function collect(node: Node | undefined, into: Set<string>): void {
  if (!node) return;
  if (node.type === 'Program') for (const child of node.body as Node[]) collect(child, into);
  if (node.type === 'MustacheStatement' || node.type === 'BlockStatement') {
    const name = pathName(node.path as Node);
    const params = (node.params as Node[]) ?? [];
    if (node.type === 'BlockStatement' || params.length) {
      if (!name || !BLOCK_HELPERS.has(name)) throw new CampaignTemplateError(`unsupported helper "${name ?? '?'}": only {{#if}} and {{#unless}} are allowed`);
      if (node.type !== 'BlockStatement' || params.length !== 1) throw new CampaignTemplateError(`{{#${name}}} takes one contact attribute and a closing {{/${name}}}`);
      for (const param of params) {
        const variable = pathName(param);
        if (!variable) throw new CampaignTemplateError(`{{#${name}}} takes one contact attribute`);
        into.add(variable);
      }
    } else if (name) into.add(name);
    else throw new CampaignTemplateError('only contact attributes may be inserted, e.g. {{name}}');
    collect(node.program as Node | undefined, into);
    collect(node.inverse as Node | undefined, into);
  }
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement' || node.type === 'DecoratorBlock') {
    throw new CampaignTemplateError('partials and decorators are not supported');
  }
}

/** The attribute names a template uses; throws CampaignTemplateError for syntax errors and anything but plain variables, #if and #unless. */
export function templateVariables(template: string): string[] {
  if (!template.trim()) throw new CampaignTemplateError('the message template is empty');
  if (template.length > MAX_TEMPLATE_LENGTH) throw new CampaignTemplateError(`the message template is longer than ${MAX_TEMPLATE_LENGTH} characters`);
  let ast: Node;
  try {
    ast = handlebars.parse(template) as unknown as Node;
  } catch (error) {
    throw new CampaignTemplateError(`the message template does not parse: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
  const variables = new Set<string>();
  collect(ast, variables);
  for (const variable of variables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new CampaignTemplateError(`"${variable}" is not a contact attribute name`);
  }
  return [...variables];
}

/** Refuses variables that are neither standard fields nor an attribute of at least one recipient. */
export function unknownVariables(template: string, knownAttributes: ReadonlySet<string>): string[] {
  const standard = new Set<string>(STANDARD_CONTACT_FIELDS);
  return templateVariables(template).filter((v) => !standard.has(v) && !knownAttributes.has(v));
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** SMS text is not HTML: nothing is escaped. A recipient without a used attribute gets an empty string there. */
export function renderCampaignText(template: string, attributes: Readonly<Record<string, unknown>>): string {
  let render = compiled.get(template);
  if (!render) {
    templateVariables(template);
    render = handlebars.compile(template, { noEscape: true, knownHelpers: { if: true, unless: true }, knownHelpersOnly: true });
    compiled.set(template, render);
  }
  const scope: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) if (typeof value !== 'object' || value === null) scope[key] = value;
  return render(scope).replace(/[ \t]{2,}/g, ' ').trim();
}
