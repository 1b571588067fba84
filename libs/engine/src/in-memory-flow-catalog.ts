import type { ChannelName } from '@parley/core';
import type { FlowDefinition } from '@parley/flows';
import { FlowCatalog, type FlowRelease } from './ports';

/** Keeps every version it was given, so conversations finish on the version they started on. */
export class InMemoryFlowCatalog extends FlowCatalog {
  private readonly releases = new Map<string, FlowRelease>();
  private readonly newest = new Map<string, FlowRelease>();

  constructor(private readonly entryFlowId: string) {
    super();
  }

  publish(flow: FlowDefinition, version: string): void {
    const release = { flow, version };
    this.releases.set(`${flow.id}@${version}`, release);
    this.newest.set(flow.id, release);
  }

  entryFlow(_channel: ChannelName): FlowRelease | undefined {
    return this.newest.get(this.entryFlowId) ?? this.newest.values().next().value;
  }

  release(flowId: string, version: string): FlowRelease | undefined {
    return this.releases.get(`${flowId}@${version}`);
  }

  latest(flowId: string): FlowRelease | undefined {
    return this.newest.get(flowId);
  }

  flows(): FlowRelease[] {
    return [...this.newest.values()];
  }
}
