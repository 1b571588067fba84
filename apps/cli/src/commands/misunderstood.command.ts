import type { Command } from 'commander';
import { SqlAuditLog, SqlMisunderstoodQueue } from '@parley/persistence';
import { withDatabase } from '../cli-database';

export function registerMisunderstoodCommands(program: Command): void {
  const queue = program.command('misunderstood').description('messages the NLU could not place: list and label them');
  queue
    .command('list')
    .option('--labelled', 'show labelled ones instead of open ones')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'one JSON line per utterance')
    .action((options: { labelled?: boolean; limit: string; json?: boolean }) =>
      withDatabase(async (sql) => {
        const items = await new SqlMisunderstoodQueue(sql).list({ labelled: Boolean(options.labelled), limit: Number(options.limit), offset: 0 });
        for (const u of items) {
          if (options.json) console.log(JSON.stringify(u));
          else console.log(`${u.id}  ${JSON.stringify(u.text)}  guesses: ${u.guesses.map((g) => `${g.intent} ${g.confidence.toFixed(2)}`).join(', ') || '-'}${u.label ? `  -> ${u.label}` : ''}`);
        }
        if (!items.length && !options.json) console.error('nothing to show');
      }),
    );
  queue
    .command('label')
    .description('label an utterance with an intent; the server retrains on labelled utterances at start or on POST /api/v1/nlu/retrain')
    .argument('<id>')
    .argument('<intent>')
    .action((id: string, intent: string) =>
      withDatabase(async (sql) => {
        if (!/^[a-z][a-z0-9_]*$/.test(intent)) throw new Error('an intent is lower-case letters, digits and _');
        const labelled = await new SqlMisunderstoodQueue(sql).label(id, intent, 'cli', new Date());
        if (!labelled) throw new Error(`no misunderstood utterance ${id}`);
        await new SqlAuditLog(sql).record({ actor: 'cli', action: 'nlu.label', target: id, details: { intent } }, new Date());
        console.log(`labelled ${JSON.stringify(labelled.text)} as ${intent}`);
      }),
    );
}
