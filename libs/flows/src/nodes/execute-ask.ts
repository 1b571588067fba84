import type { QuickReply } from '@parley/core';
import { next, type Outcome } from '../runner/outcome';
import { retryOrFallback } from '../runner/retry-or-fallback';
import type { FlowState } from '../runner/step-types';
import type { Walk } from '../runner/walk';
import { yesNoReplies } from '../runner/yes-no-replies';
import { validateAnswer } from '../validators/answer-validators';
import type { Validation } from '../validators/answer';
import type { AskNode } from './ask-node.schema';

function askReplies(node: AskNode, walk: Walk): QuickReply[] | undefined {
  if (node.validate === 'yesno') return yesNoReplies(walk);
  if (node.validate !== 'choice') return undefined;
  return node.options?.map((o) => ({ title: walk.text(o.title), payload: o.payload }));
}

function prompt(node: AskNode, walk: Walk): void {
  walk.say({ text: walk.text(node.text), quickReplies: askReplies(node, walk), speech: node.speech && walk.text(node.speech) });
}

export function executeAsk(node: AskNode, walk: Walk): Outcome {
  prompt(node, walk);
  return { kind: 'wait' };
}

export function judgeAsk(node: AskNode, walk: Walk): Validation {
  const { text, payload, entities = [] } = walk.message ?? {};
  return validateAnswer(node, { text, payload, entities }, { now: walk.now, locale: walk.requestedLocale, timezone: walk.timezone });
}

export function answerAsk(node: AskNode, walk: Walk, state: FlowState): Outcome {
  const verdict = judgeAsk(node, walk);
  if (verdict.ok) {
    walk.set({ [node.attribute]: verdict.value });
    return next(node.next);
  }
  return retryOrFallback(node, walk, state, { quickReplies: askReplies(node, walk), reprompt: () => prompt(node, walk) });
}
