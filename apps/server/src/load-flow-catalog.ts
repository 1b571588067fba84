import { Logger } from '@nestjs/common';
import { InMemoryFlowCatalog } from '@parley/engine';
import { flowFilesIn, formatFlowError, loadFlowFile } from '@parley/flows';
import { existsSync } from 'node:fs';

/** Loads every flow of FLOWS_DIR; an invalid flow is reported and skipped, never served. */
export function loadFlowCatalog(dir: string, entryFlowId: string, logger = new Logger('Flows')): InMemoryFlowCatalog {
  const catalog = new InMemoryFlowCatalog(entryFlowId);
  if (!existsSync(dir)) {
    logger.warn(`FLOWS_DIR ${dir} does not exist: no flow to run`);
    return catalog;
  }
  for (const file of flowFilesIn(dir)) {
    const loaded = loadFlowFile(file);
    if (loaded.ok) catalog.publish(loaded.flow, loaded.version);
    else loaded.errors.forEach((e) => logger.error(`invalid flow, not loaded: ${formatFlowError(e)}`));
  }
  const names = catalog.flows().map((r) => `${r.flow.id}@${r.version}`);
  logger.log(`loaded ${names.length} flow(s): ${names.join(', ') || 'none'}`);
  if (!catalog.latest(entryFlowId)) logger.warn(`ENTRY_FLOW "${entryFlowId}" is not loaded; new conversations use the first flow`);
  return catalog;
}
