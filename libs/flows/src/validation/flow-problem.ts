export interface FlowProblem {
  /** Path inside the YAML document, used to find line and column. */
  path: (string | number)[];
  nodeId?: string;
  message: string;
}
