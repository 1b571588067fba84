import { executeAsk } from '../nodes/execute-ask';
import { executeBranch } from '../nodes/execute-branch';
import { executeConsent } from '../nodes/execute-consent';
import { executeEnd } from '../nodes/execute-end';
import { executeFollowup } from '../nodes/execute-followup';
import { executeGoto } from '../nodes/execute-goto';
import { executeHandoff } from '../nodes/execute-handoff';
import { executeSay } from '../nodes/execute-say';
import { executeScore } from '../nodes/execute-score';
import { executeSet } from '../nodes/execute-set';
import { executeSplit } from '../nodes/execute-split';
import { executeWait } from '../nodes/execute-wait';
import type { FlowNode } from '../schema/flow.schema';
import type { Outcome } from './outcome';
import type { Walk } from './walk';

export function executeNode(node: FlowNode, nodeId: string, walk: Walk): Outcome {
  switch (node.type) {
    case 'say':
      return executeSay(node, walk);
    case 'ask':
      return executeAsk(node, walk);
    case 'branch':
      return executeBranch(node, walk);
    case 'set':
      return executeSet(node, walk);
    case 'score':
      return executeScore(node, walk);
    case 'consent':
      return executeConsent(node, walk);
    case 'handoff':
      return executeHandoff(node, walk);
    case 'followup':
      return executeFollowup(node, walk);
    case 'goto':
      return executeGoto(node, walk);
    case 'split':
      return executeSplit(node, nodeId, walk);
    case 'wait':
      return executeWait(node, nodeId, walk);
    case 'end':
      return executeEnd(node, walk);
    default: {
      const unknown: never = node;
      throw new Error(`unknown node type ${(unknown as { type: string }).type}`);
    }
  }
}
