import { consentStatus, verifyConsentChain } from '@parley/consent';
import { testDatabaseTargets } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { consentLedger } from '../sql-consent-ledger';
import type { SqlDatabase } from '../sql/sql-database';
import { importContacts } from './contact-import';
import { mergeContacts, MergeRefused } from './contact-merge';

describe.each(testDatabaseTargets())('contact import and merge on %s', (_name, setup) => {
  let dataSource: DataSource;
  let sql: SqlDatabase;
  let cleanup: () => Promise<void>;
  const options = { defaultRegion: 'US' as const, actor: 'test', at: new Date('2026-06-01T00:00:00Z') };
  const consent = (email: string, action: string, at: string) => ({
    line: 1, cells: { email, consent_channel: 'email', consent_purpose: 'marketing', consent_action: action, consent_at: at },
  });
  const idOf = async (email: string) => (await sql.get<{ contact_id: string }>("SELECT contact_id FROM channel_identities WHERE channel = 'email' AND address = ?", [email]))!.contact_id;

  beforeAll(async () => {
    const prepared = await setup();
    cleanup = prepared.cleanup;
    ({ dataSource, sql } = await openDatabase(prepared.target));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await cleanup();
  });

  it('keeps the consent that is latest in time when the merged chain would read otherwise', async () => {
    const kept = `kept-${Date.now()}@merge.example`;
    const other = `other-${Date.now()}@merge.example`;
    await importContacts(sql, [consent(kept, 'grant', '2026-01-01T00:00:00Z'), { line: 2, cells: { email: other, phone: '+1 212 555 0142', name: 'Other' } }], options);
    await importContacts(sql, [consent(other, 'grant', '2026-02-01T00:00:00Z'), consent(kept, 'revoke', '2026-03-01T00:00:00Z')], options);
    const [keptId, otherId] = [await idOf(kept), await idOf(other)];

    const result = await mergeContacts(sql, keptId, otherId, 'test', new Date('2026-06-02T00:00:00Z'));
    expect(result).toMatchObject({ identities: 2, consentEvents: 2 });
    const chain = await consentLedger.of(sql, keptId);
    expect(chain.map((e) => e.action)).toEqual(['grant', 'revoke', 'grant', 'revoke']);
    expect(consentStatus(chain, 'email', 'marketing')).toBe('revoked');
    expect(verifyConsentChain(chain)).toEqual({ ok: true });
    expect(verifyConsentChain(await consentLedger.of(sql, otherId))).toEqual({ ok: true });
    expect(await idOf(other)).toBe(keptId);
    await expect(mergeContacts(sql, keptId, otherId, 'test', new Date())).rejects.toBeInstanceOf(MergeRefused);
    await expect(mergeContacts(sql, keptId, keptId, 'test', new Date())).rejects.toBeInstanceOf(MergeRefused);
  });
});
