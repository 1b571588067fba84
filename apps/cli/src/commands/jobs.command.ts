import type { Command } from 'commander';
import type { OutboxJob } from '@parley/followup';
import { SqlAuditLog, SqlJobStore } from '@parley/persistence';
import { withDatabase } from '../cli-database';

const STATUSES = ['pending', 'running', 'done', 'failed', 'dead'] as const;
type Status = (typeof STATUSES)[number];

const line = (j: OutboxJob) =>
  `${j.id}  ${j.status.padEnd(7)}  ${j.type}  attempts ${j.attempts}  run at ${j.runAt.toISOString()}  key ${j.idempotencyKey}${j.lastError ? `  last error: ${j.lastError}` : ''}`;

export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('side effects in the outbox (CRM pushes, webhooks, …): list and replay them');
  jobs
    .command('list')
    .option('--failed', 'only failed and dead jobs')
    .option('--status <status>', `only this status: ${STATUSES.join(', ')}`)
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'one JSON line per job')
    .action((options: { failed?: boolean; status?: string; limit: string; json?: boolean }) =>
      withDatabase(async (sql) => {
        if (options.status && !STATUSES.includes(options.status as Status)) throw new Error(`--status is one of ${STATUSES.join(', ')}`);
        const store = new SqlJobStore(sql);
        const limit = Number(options.limit);
        const statuses: (Status | undefined)[] = options.failed ? ['failed', 'dead'] : [options.status as Status | undefined];
        const items = (await Promise.all(statuses.map((status) => store.list({ status, limit, offset: 0 })))).flat().slice(0, limit);
        for (const job of items) console.log(options.json ? JSON.stringify(job) : line(job));
        if (!items.length && !options.json) console.error('nothing to show');
      }),
    );
  jobs
    .command('retry')
    .description('run a failed or dead job again, with a fresh attempt budget and the same idempotency key')
    .argument('<id>')
    .action((id: string) =>
      withDatabase(async (sql) => {
        const outcome = await new SqlJobStore(sql).retry(id, new Date());
        if (!outcome) throw new Error(`no job ${id}`);
        if (!outcome.retried) throw new Error(`job ${id} is ${outcome.job.status}; only failed and dead jobs can be retried`);
        await new SqlAuditLog(sql).record({ actor: 'cli', action: 'jobs.retry', target: id }, new Date());
        console.log(`job ${id} (${outcome.job.type}) is pending again`);
      }),
    );
}
