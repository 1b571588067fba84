import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { FlowCatalog, type InMemoryFlowCatalog } from '@parley/engine';
import { FLOW_FILE_SUFFIX, flowFilesIn, formatFlowError, parseFlow } from '@parley/flows';
import { SqlFlowVersionStore } from '@parley/persistence';
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { OpenDatabase } from './database.provider';
import { CONFIG, DATABASE } from './tokens';

const RELOAD_DEBOUNCE_MS = 150;

export interface FlowFileStatus {
  file: string;
  flowId?: string;
  version?: string;
  errors: string[];
}

/**
 * Loads FLOWS_DIR into the catalog, stores every valid version immutably, and reloads on change.
 * An invalid file never replaces a good version: the last good one (from this run or the database) keeps serving.
 */
@Injectable()
export class FlowLibrary implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Flows');
  private readonly dir: string;
  private readonly versions: SqlFlowVersionStore;
  private watcher?: FSWatcher;
  private reloadTimer?: NodeJS.Timeout;
  private statuses: FlowFileStatus[] = [];

  constructor(
    @Inject(CONFIG) config: ParleyConfig,
    @Inject(DATABASE) db: OpenDatabase,
    @Inject(FlowCatalog) private readonly catalog: InMemoryFlowCatalog,
  ) {
    this.dir = resolve(config.FLOWS_DIR);
    this.versions = new SqlFlowVersionStore(db.sql);
  }

  async onModuleInit(): Promise<void> {
    for (const stored of await this.versions.all()) {
      const parsed = parseFlow(stored.source, `${stored.flowId}@${stored.version}`);
      if (parsed.ok) this.catalog.publish(parsed.flow, stored.version);
    }
    if (!existsSync(this.dir)) {
      this.logger.warn(`FLOWS_DIR ${this.dir} does not exist: no flow files to load`);
      return;
    }
    await this.reload();
    this.watcher = watch(this.dir, (_event, name) => {
      if (name && !String(name).endsWith(FLOW_FILE_SUFFIX)) return;
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reload().catch((e) => this.logger.error(`reload failed: ${e}`)), RELOAD_DEBOUNCE_MS);
    });
  }

  onApplicationShutdown(): void {
    clearTimeout(this.reloadTimer);
    this.watcher?.close();
  }

  status(): FlowFileStatus[] {
    return this.statuses;
  }

  async reload(): Promise<void> {
    const statuses: FlowFileStatus[] = [];
    for (const file of flowFilesIn(this.dir)) {
      const source = readFileSync(file, 'utf8');
      const loaded = parseFlow(source, file);
      if (!loaded.ok) {
        const errors = loaded.errors.map(formatFlowError);
        errors.forEach((e) => this.logger.error(`invalid flow, last good version kept: ${e}`));
        statuses.push({ file, errors });
        continue;
      }
      const { flow, version } = loaded;
      if (this.catalog.latest(flow.id)?.version !== version) {
        await this.versions.save(flow.id, version, source, new Date());
        this.catalog.publish(flow, version);
        this.logger.log(`serving ${flow.id}@${version}`);
      }
      statuses.push({ file, flowId: flow.id, version, errors: [] });
    }
    this.statuses = statuses;
  }
}
