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

  /** Makes this version the one new conversations start on. */
  publish(flow: FlowDefinition, version: string): void {
    this.keep(flow, version);
    this.newest.set(flow.id, { flow, version });
  }

  /** Keeps an older version for the conversations still running on it. */
  keep(flow: FlowDefinition, version: string): void {
    this.releases.set(`${flow.id}@${version}`, { flow, version });
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
