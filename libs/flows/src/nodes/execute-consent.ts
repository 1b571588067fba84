import { createHash } from 'node:crypto';
import type { Outcome } from '../runner/outcome';
import { retryOrFallback } from '../runner/retry-or-fallback';
import type { FlowState } from '../runner/step-types';
import type { Walk } from '../runner/walk';
import { yesNoReplies } from '../runner/yes-no-replies';
import type { Validation } from '../validators/answer';
import { validateYesNo } from '../validators/validate-yes-no';
import type { ConsentNode } from './consent-node.schema';

/** The disclosure is said exactly as written (no templates, no escaping), so the ledger can prove what was shown. */
function prompt(node: ConsentNode, walk: Walk): void {
  walk.say({ text: walk.localise(node.disclosure.text).text, quickReplies: node.buttons ? yesNoReplies(walk) : undefined });
}

export function executeConsent(node: ConsentNode, walk: Walk): Outcome {
  prompt(node, walk);
  return { kind: 'wait' };
}

export function judgeConsent(walk: Walk): Validation {
  const { text, payload, entities = [] } = walk.message ?? {};
  return validateYesNo({ text, payload, entities });
}

export function answerConsent(node: ConsentNode, walk: Walk, state: FlowState): Outcome {
  const verdict = judgeConsent(walk);
  if (!verdict.ok) {
    return retryOrFallback(node, walk, state, {
      quickReplies: node.buttons ? yesNoReplies(walk) : undefined,
      reprompt: () => prompt(node, walk),
    });
  }
  const granted = verdict.value === true;
  const { text, locale } = walk.localise(node.disclosure.text);
  walk.emit({
    type: 'consent',
    purpose: node.purpose,
    granted,
    method: node.method,
    disclosure: { version: node.disclosure.version, locale, text, sha256: createHash('sha256').update(text).digest('hex') },
    evidence: {
      ...(walk.message?.text !== undefined ? { text: walk.message.text } : {}),
      ...(walk.message?.payload ? { payload: walk.message.payload } : {}),
      ...(state.promptedBy ? { promptedBy: state.promptedBy } : {}),
    },
  });
  return { kind: 'next', nodeId: granted ? node.yes : node.no };
}
