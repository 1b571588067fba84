import { answerAsk, judgeAsk } from '../nodes/execute-ask';
import type { AskNode } from '../nodes/ask-node.schema';
import { answerConsent, judgeConsent } from '../nodes/execute-consent';
import type { ConsentNode } from '../nodes/consent-node.schema';
import { answerWait } from '../nodes/execute-wait';
import type { WaitNode } from '../nodes/wait-node.schema';
import type { FlowNode } from '../schema/flow.schema';
import type { Outcome } from './outcome';
import type { FlowState } from './step-types';
import type { Walk } from './walk';

export type WaitingNode = AskNode | ConsentNode | WaitNode;

export function isWaitingNode(node: FlowNode | undefined): node is WaitingNode {
  return node?.type === 'ask' || node?.type === 'consent' || node?.type === 'wait';
}

/** Free text (a name, a wait's reply) is never "wrong", so a global intent wins over it. */
export function answersWithStructure(node: WaitingNode, walk: Walk): boolean {
  switch (node.type) {
    case 'ask':
      return node.validate !== 'text' && judgeAsk(node, walk).ok;
    case 'consent':
      return judgeConsent(walk).ok;
    case 'wait':
      return false;
  }
}

export function answerNode(node: WaitingNode, walk: Walk, state: FlowState): Outcome {
  switch (node.type) {
    case 'ask':
      return answerAsk(node, walk, state);
    case 'consent':
      return answerConsent(node, walk, state);
    case 'wait':
      return answerWait(node, walk);
  }
}
