import type { FlowRef } from './step-types';

/** What a node tells the walk to do next. */
export type Outcome =
  | { kind: 'next'; nodeId: string | undefined }
  | { kind: 'wait'; waitUntil?: string }
  | { kind: 'jump'; flow: FlowRef; nodeId: string }
  /** The reply did not answer; the node asked again and keeps waiting. */
  | { kind: 'retry' };

export const next = (nodeId: string | undefined): Outcome => ({ kind: 'next', nodeId });
