import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { contactRowsFromCsv, contactRowsFromJson, importContacts, type RawContactRow } from '@parley/persistence';
import { withDatabase } from '../cli-database';

function progressBar(done: number, total: number): void {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(`\rimporting [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

function readRows(file: string): { rows: RawContactRow[]; errors: { line: number; reason: string }[] } {
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() !== '.json') return contactRowsFromCsv(text);
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown }).rows;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of rows or {"rows": [...]}`);
  return { rows: contactRowsFromJson(list as Record<string, unknown>[]), errors: [] };
}

export function registerContactsCommands(program: Command): void {
  const contacts = program.command('contacts').description('contacts: import');
  contacts
    .command('import <file>')
    .description('imports contacts from a .csv or .json file; merges by email and phone; safe to run again')
    .option('--default-region <code>', 'country of phone numbers written without +country code', 'US')
    .action((file: string, options: { defaultRegion: string }) => {
      const region = options.defaultRegion.toUpperCase();
      if (!isSupportedCountry(region)) throw new Error(`unknown region ${options.defaultRegion}`);
      const { rows, errors } = readRows(file);
      return withDatabase(async (sql) => {
        const report = await importContacts(sql, rows, { defaultRegion: region as CountryCode, actor: 'cli', at: new Date(), onProgress: progressBar });
        const all = [...errors, ...report.errors].sort((a, b) => a.line - b.line);
        console.log(`${rows.length + errors.length} rows: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, `
          + `${report.consentEvents} consent events, ${all.length} errors`);
        for (const error of all) console.log(`line ${error.line}: ${error.reason}`);
      });
    });
}
