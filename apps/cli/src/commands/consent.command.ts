import type { Command } from 'commander';
import { verifyConsentChain, type ConsentRecord } from '@parley/consent';
import { consentLedger } from '@parley/persistence';
import { withDatabase } from '../cli-database';

export function registerConsentCommands(program: Command): void {
  const consent = program.command('consent').description('the consent ledger');
  consent
    .command('verify')
    .description("checks every contact's hash chain; names the first broken row of each and exits 1 on any")
    .action(() =>
      withDatabase(async (sql) => {
        const byContact = new Map<string, ConsentRecord[]>();
        for (const record of await consentLedger.all(sql)) byContact.set(record.contactId, [...(byContact.get(record.contactId) ?? []), record]);
        let broken = 0;
        let rows = 0;
        for (const [contactId, records] of byContact) {
          rows += records.length;
          const verdict = verifyConsentChain(records);
          if (verdict.ok) continue;
          broken++;
          console.error(`BROKEN contact ${contactId}: row ${verdict.brokenAt!.id} (seq ${verdict.brokenAt!.seq}): ${verdict.brokenAt!.reason}`);
        }
        console.log(`${rows} consent events, ${byContact.size} contacts, ${broken} broken chain(s)`);
        if (broken) process.exitCode = 1;
      }),
    );
}
