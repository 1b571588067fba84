import type { Command } from 'commander';
import { loadConfig } from '@parley/config';
import { CampaignRefused, SystemClock, createCampaign, type AudienceSpec, type CampaignWithProgress } from '@parley/engine';
import { SqlAudienceSource, SqlCampaignStore, type SqlDatabase } from '@parley/persistence';
import { withDatabase } from '../cli-database';
import { ProgressReporter, summary } from '../campaign-progress';

interface SendOptions {
  name: string;
  template: string;
  contacts?: string;
  tag?: string[];
  attribute?: string[];
  segment?: string;
  rate?: string;
  wait: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function audienceOf(options: SendOptions): AudienceSpec {
  const chosen = [options.contacts, options.segment, options.tag?.length || options.attribute?.length ? 'filter' : undefined].filter(Boolean);
  if (chosen.length !== 1) throw new Error('name the audience once: --contacts <ids>, --segment <id>, or --tag / --attribute filters');
  if (options.contacts) return { contactIds: options.contacts.split(',').map((id) => id.trim()).filter(Boolean) };
  if (options.segment) return { segmentId: options.segment };
  const attributes: Record<string, string> = {};
  for (const pair of options.attribute ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--attribute takes key=value, not "${pair}"`);
    attributes[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { filter: { ...(options.tag?.length ? { tags: options.tag } : {}), ...(Object.keys(attributes).length ? { attributes } : {}) } };
}

/** Follows a campaign the server's job worker sends until nothing is pending (held recipients go out when their window opens). */
async function follow(sql: SqlDatabase, id: string): Promise<CampaignWithProgress> {
  const store = new SqlCampaignStore(sql);
  const reporter = new ProgressReporter();
  for (;;) {
    const campaign = await store.get(id);
    if (!campaign) throw new Error(`no campaign ${id}`);
    const settled = campaign.progress.pending === 0;
    reporter.update(campaign, settled);
    if (settled) return campaign;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function report(campaign: CampaignWithProgress): void {
  console.log(`campaign ${campaign.id} ${campaign.status}: ${summary(campaign.progress)}`);
  if (campaign.progress.skippedQuietHours) console.log(`${campaign.progress.skippedQuietHours} held for quiet hours go out when their recipients' window opens`);
}

export function registerCampaignCommands(program: Command): void {
  const campaign = program.command('campaign').description('SMS campaigns, sent by the running server');
  campaign
    .command('send')
    .description('creates an SMS campaign (the server sends it, throttled, through consent and quiet hours) and follows its progress')
    .requiredOption('--name <name>', 'what to call it')
    .requiredOption('--template <text>', 'the message; {{attribute}} inserts a contact attribute, nothing is escaped')
    .option('--contacts <ids>', 'comma-separated contact ids')
    .option('--tag <tag>', 'contacts with this tag (repeatable: all of them)', collect)
    .option('--attribute <key=value>', 'contacts with this attribute value (repeatable)', collect)
    .option('--segment <id>', 'contacts in this segment')
    .option('--rate <perSecond>', 'messages per second (default CAMPAIGN_RATE_PER_SECOND)')
    .option('--no-wait', 'print the campaign id and return at once')
    .action((options: SendOptions) => {
      const config = loadConfig();
      const audience = audienceOf(options);
      const rate = options.rate === undefined ? undefined : Number(options.rate);
      return withDatabase(async (sql) => {
        try {
          const created = await createCampaign({ name: options.name, template: options.template, audience, ratePerSecond: rate }, 'cli', {
            audience: new SqlAudienceSource(sql),
            store: new SqlCampaignStore(sql),
            clock: new SystemClock(),
            rates: { defaultPerSecond: config.CAMPAIGN_RATE_PER_SECOND, maxPerSecond: config.CAMPAIGN_MAX_RATE_PER_SECOND },
          });
          if (!options.wait) return console.log(created.id);
          report(await follow(sql, created.id));
        } catch (error) {
          if (error instanceof CampaignRefused) throw new Error(`refused (${error.code}): ${error.message}`);
          throw error;
        }
      });
    });
  campaign
    .command('status <id>')
    .description("a campaign's progress; --wait follows it until nothing is pending")
    .option('--wait', 'follow until nothing is pending')
    .action((id: string, options: { wait?: boolean }) =>
      withDatabase(async (sql) => {
        const found = options.wait ? await follow(sql, id) : await new SqlCampaignStore(sql).get(id);
        if (!found) throw new Error(`no campaign ${id}`);
        report(found);
      }),
    );
}
