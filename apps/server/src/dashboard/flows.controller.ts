import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { FlowCatalog, type InMemoryFlowCatalog } from '@parley/engine';
import { SqlFlowVersionStore } from '@parley/persistence';
import { basename } from 'node:path';
import { ApiDoc } from '../admin/api-doc.decorator';
import { flowsExample } from './dashboard-api-examples';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { ANY_ROLE, Roles } from '../admin/roles.decorator';
import type { OpenDatabase } from '../database.provider';
import { FlowLibrary } from '../flow-library';
import { DATABASE } from '../tokens';
import { flowGraph } from './flow-graph';

/** Flows for the dashboard: each file's validation status, the versions stored, and the served version's graph. */
@Controller('api/v1/flows')
@UseGuards(ApiKeyGuard)
export class FlowsController {
  private readonly versions: SqlFlowVersionStore;

  constructor(
    private readonly library: FlowLibrary,
    @Inject(FlowCatalog) private readonly catalog: InMemoryFlowCatalog,
    @Inject(DATABASE) db: OpenDatabase,
  ) {
    this.versions = new SqlFlowVersionStore(db.sql);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiDoc({ summary: 'Flow files with their validation status, stored versions and the served graph', response: flowsExample })
  @Header('Cache-Control', 'no-store')
  async list() {
    const stored = await this.versions.all();
    const files = this.library.status().map((s) => ({ file: basename(s.file), flowId: s.flowId ?? null, version: s.version ?? null, valid: s.errors.length === 0, errors: s.errors }));
    const items = this.catalog.flows().map(({ flow, version }) => ({
      id: flow.id,
      name: flow.name ?? flow.id,
      servedVersion: version,
      versions: stored.filter((v) => v.flowId === flow.id).map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
      graph: flowGraph(flow),
    }));
    return { files, items };
  }
}
