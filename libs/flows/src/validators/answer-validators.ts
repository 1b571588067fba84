import type { AskNode } from '../nodes/ask-node.schema';
import type { Answer, ValidateOptions, Validation } from './answer';
import { validateChoice } from './validate-choice';
import { validateDateTime } from './validate-date-time';
import { validateEmail } from './validate-email';
import { validateNumber } from './validate-number';
import { validatePhone } from './validate-phone';
import { validateText } from './validate-text';
import { validateYesNo } from './validate-yes-no';

export function validateAnswer(node: AskNode, answer: Answer, options: ValidateOptions & { timezone?: string } = {}): Validation {
  switch (node.validate) {
    case 'text':
      return validateText(node, answer);
    case 'email':
      return validateEmail(answer);
    case 'phone':
      return validatePhone(answer, node.country);
    case 'number':
      return validateNumber(node, answer);
    case 'choice':
      return validateChoice(node.options, answer);
    case 'date':
    case 'time':
    case 'datetime':
      return validateDateTime(node.validate, answer, options);
    case 'yesno':
      return validateYesNo(answer);
  }
}
