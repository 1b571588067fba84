import 'reflect-metadata';
import { ConfigError, channelStatuses, loadConfig } from '@parley/config';
import { Logger } from '@nestjs/common';
import { startApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Parley');
  const channels = channelStatuses(config).map((c) => `${c.name} ${c.enabled ? 'on' : 'off'}${c.reason ? ` (${c.reason})` : ''}`);
  logger.log(`channels: ${channels.join('; ')}`);
  await startApp(config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Parley failed to start:', error);
  process.exit(1);
});
