import type { AskNode } from '../nodes/ask-node.schema';
import { MAX_ANSWER_LENGTH, REJECTED, type Answer, type Validation } from './answer';

export function validateText(node: AskNode, answer: Answer): Validation {
  const text = answer.text?.trim() ?? '';
  const min = Math.max(1, node.min ?? 1);
  const max = Math.min(MAX_ANSWER_LENGTH, node.max ?? MAX_ANSWER_LENGTH);
  if (text.length < min || text.length > max) return REJECTED;
  if (node.pattern !== undefined) {
    try {
      if (!new RegExp(node.pattern, 'u').test(text)) return REJECTED;
    } catch {
      return REJECTED;
    }
  }
  return { ok: true, value: text };
}
