import type { Command } from 'commander';
import { loadConfig } from '@parley/config';
import { expireConversations } from '@parley/persistence';
import { withDatabase } from '../cli-database';

export function registerRetentionCommands(program: Command): void {
  const retention = program.command('retention').description('conversation retention (RETENTION_DAYS)');
  retention
    .command('run')
    .description('anonymises conversations idle for more than RETENTION_DAYS now, as the server does daily')
    .option('--days <n>', 'overrides RETENTION_DAYS')
    .action((options: { days?: string }) => {
      const days = options.days === undefined ? loadConfig().RETENTION_DAYS : Number(options.days);
      if (days === undefined) return console.log('RETENTION_DAYS is not set: conversations are kept forever');
      if (!Number.isInteger(days) || days < 1) throw new Error('--days must be a whole number of days, 1 or more');
      return withDatabase(async (sql) => {
        const result = await expireConversations(sql, days, new Date());
        console.log(`${result.conversations} conversations idle since before ${result.cutoff}: ${result.messages} messages and ${result.misunderstood} misunderstood utterances expired`);
      });
    });
}
