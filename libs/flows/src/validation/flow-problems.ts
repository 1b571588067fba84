import type { FlowDefinition } from '../schema/flow.schema';
import { contentProblems } from './content-problems';
import { crossFlowProblems } from './cross-flow-problems';
import type { FlowProblem } from './flow-problem';
import { referenceProblems, silentCycleProblems, unreachableProblems } from './graph-problems';

export interface FlowProblemOptions {
  /** The other flows it may `goto`; without them, flow references are not checked. */
  otherFlows?: ReadonlyMap<string, FlowDefinition>;
}

/** Everything wrong with a flow that the schema alone cannot see. */
export function findFlowProblems(flow: FlowDefinition, options: FlowProblemOptions = {}): FlowProblem[] {
  return [
    ...referenceProblems(flow),
    ...unreachableProblems(flow),
    ...silentCycleProblems(flow),
    ...contentProblems(flow),
    ...(options.otherFlows ? crossFlowProblems(flow, options.otherFlows) : []),
  ];
}
