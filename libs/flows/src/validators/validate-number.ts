import type { AskNode } from '../nodes/ask-node.schema';
import { firstNumber, REJECTED, type Answer, type Validation } from './answer';

export function validateNumber(node: AskNode, answer: Answer): Validation {
  const n = firstNumber(answer);
  if (n === undefined) return REJECTED;
  if ((node.min !== undefined && n < node.min) || (node.max !== undefined && n > node.max)) return REJECTED;
  return { ok: true, value: n };
}
