import 'reflect-metadata';
import { ConfigError, channelStatuses, loadConfig } from '@parley/config';
import { Logger } from '@nestjs/common';
import { startApp } from './create-app';
import { drainAndClose } from './shutdown/graceful-shutdown';

/** Past the grace period the process exits anyway: an orchestrator would SIGKILL it soon after. */
const HARD_STOP_SLACK_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Parley');
  const channels = channelStatuses(config).map((c) => `${c.name} ${c.enabled ? 'on' : 'off'}${c.reason ? ` (${c.reason})` : ''}`);
  logger.log(`channels: ${channels.join('; ')}`);
  const app = await startApp(config);
  const onSignal = (signal: NodeJS.Signals) => {
    logger.log(`${signal} received`);
    // Clients being closed (Redis, BullMQ) may reject commands no one awaits any more: not a reason to crash a clean drain.
    process.on('unhandledRejection', (reason: unknown) => logger.warn(`while shutting down: ${reason instanceof Error ? reason.message : String(reason)}`));
    setTimeout(() => {
      logger.error(`shutdown took longer than SHUTDOWN_GRACE_MS + ${HARD_STOP_SLACK_MS} ms; exiting now`);
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + HARD_STOP_SLACK_MS).unref();
    drainAndClose(app, config.SHUTDOWN_GRACE_MS, logger).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Parley failed to start:', error);
  process.exit(1);
});
