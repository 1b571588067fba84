import Handlebars from 'handlebars';
import type { EmailSequence, EmailStep } from './sequence-schema';

type Template = (context: object) => string;

export interface CompiledStep {
  step: EmailStep;
  subject: Template;
  html: Template;
  text: Template;
}

export interface CompiledSequence {
  definition: EmailSequence;
  steps: CompiledStep[];
}

/** What a template sees: `{{contact.name}}`, `{{data.event}}`, `{{unsubscribeUrl}}`. */
export interface TemplateContext {
  contact: Record<string, unknown>;
  data: Record<string, unknown>;
  unsubscribeUrl: string;
}

// An isolated instance: helpers registered elsewhere never leak into emails.
const handlebars = Handlebars.create();

/** Compiled at load, so a template syntax error is a load error, not a failed send. */
export function compileSequence(definition: EmailSequence): CompiledSequence {
  return {
    definition,
    steps: definition.steps.map((step) => {
      const compiled = {
        step,
        subject: handlebars.compile(step.subject, { noEscape: true, strict: false }),
        html: handlebars.compile(step.html, { strict: false }),
        text: handlebars.compile(step.text, { noEscape: true, strict: false }),
      };
      const probe: TemplateContext = { contact: {}, data: {}, unsubscribeUrl: '' };
      compiled.subject(probe);
      compiled.html(probe);
      compiled.text(probe);
      return compiled;
    }),
  };
}
