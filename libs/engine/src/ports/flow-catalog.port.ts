import type { ChannelName } from '@parley/core';
import type { FlowDefinition } from '@parley/flows';

export interface FlowRelease {
  flow: FlowDefinition;
  version: string;
}

/** Flows by id and version: a running conversation finishes on the version it started on. */
export abstract class FlowCatalog {
  abstract entryFlow(channel: ChannelName): FlowRelease | undefined;
  abstract release(flowId: string, version: string): FlowRelease | undefined;
  abstract latest(flowId: string): FlowRelease | undefined;
}
