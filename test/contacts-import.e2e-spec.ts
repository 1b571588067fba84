import Database from 'better-sqlite3';
import { verifyConsentChain, type ConsentRecord } from '@parley/consent';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/app';
import { parley } from './support/cli';
import { buildIfStale } from './support/spawn-app';

const HEADER = 'email,phone,name,country,company,consent_channel,consent_purpose,consent_text,consent_at';
const DISCLOSURE = 'Yes, email me product news. Unsubscribe any time.';
const phoneOf = (i: number) => `415200${String(i).padStart(4, '0')}`;

/**
 * 10,000 rows, line = index + 2: 9,000 people (every tenth with email consent), 500 repeats by email in another case,
 * 400 repeats by phone in another format, 50 malformed phones, 3 broken rows, and 47 more people.
 */
function tenThousandRows(): string {
  const lines = [HEADER];
  for (let i = 0; i < 10_000; i++) {
    const consent = (p: number) => (p % 10 === 0 ? `email,marketing,"${DISCLOSURE}",2026-01-0${1 + (p % 9)}T10:00:00Z` : ',,,');
    if (i < 9000) lines.push(`person${i}@import.example,(415) 200-${phoneOf(i).slice(6)}, Person ${i} ,us,,${consent(i)}`);
    else if (i < 9500) lines.push(` PERSON${i - 9000}@Import.Example ,,,,Acme ${i},${consent(i - 9000)}`);
    else if (i < 9900) lines.push(`,+1${phoneOf(i - 9500)},,,,,,,`);
    else if (i < 9950) lines.push(`bad${i}@import.example,12345,,,,,,,`);
    else if (i === 9950) lines.push('short@import.example,too,few');
    else if (i === 9951) lines.push('');
    else if (i === 9952) lines.push('not-an-email,,,,,,,,');
    else lines.push(`extra${i}@import.example,,Extra ${i},GB,,,,,`);
  }
  return lines.join('\n') + '\n';
}

describe('contacts: import, merge', () => {
  let running: RunningApp;
  let env: Record<string, string>;
  let db: Database.Database;
  const dir = mkdtempSync(join(tmpdir(), 'parley-import-'));
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const keys: Record<string, string> = {};
  const api = (path: string, role: string, body?: unknown, contentType = 'application/json') =>
    fetch(`${running.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${keys[role]}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    buildIfStale();
    running = await startApp();
    env = { DATABASE_URL: `sqlite:${join(running.dataDir, 'parley.sqlite')}` };
    db = new Database(join(running.dataDir, 'parley.sqlite'));
    for (const role of ['admin', 'marketer', 'sales']) keys[role] = parley(['apikey', 'create', '--role', role, '--name', role], env).trim();
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports 10,000 CSV rows with duplicates merged and bad rows reported by line, and a second import changes nothing', () => {
    const file = join(dir, 'contacts.csv');
    writeFileSync(file, tenThousandRows());
    const started = Date.now();
    const first = parley(['contacts', 'import', file, '--default-region', 'US'], env);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(first).toMatch(/^10000 rows: 9047 created, 500 updated, 400 unchanged, 900 consent events, 53 errors$/m);
    expect(first).toContain('line 9902: malformed phone "12345"');
    expect(first).toContain('line 9952: expected 9 columns, found 3');
    expect(first).toContain('line 9953: empty row');
    expect(first).toContain('line 9954: bad email "not-an-email"');

    expect(count('SELECT COUNT(*) AS n FROM contacts')).toBe(9047);
    expect(count("SELECT COUNT(*) AS n FROM channel_identities WHERE channel = 'sms'")).toBe(9000);
    expect(count("SELECT COUNT(*) AS n FROM consent_events WHERE source = 'import'")).toBe(900);
    const person = db.prepare("SELECT c.attributes FROM contacts c JOIN channel_identities i ON i.contact_id = c.id WHERE i.channel = 'sms' AND i.address = '+14152000007'").get() as { attributes: string };
    expect(JSON.parse(person.attributes)).toEqual({ email: 'person7@import.example', phone: '+14152000007', name: 'Person 7', country: 'US', company: 'Acme 9007' });

    const second = parley(['contacts', 'import', file], env);
    expect(second).toMatch(/^10000 rows: 0 created, 0 updated, 9947 unchanged, 0 consent events, 53 errors$/m);
    expect(count('SELECT COUNT(*) AS n FROM contacts')).toBe(9047);
    expect(count('SELECT COUNT(*) AS n FROM consent_events')).toBe(900);
    expect(parley(['consent', 'verify'], env)).toMatch(/0 broken chain/);
  }, 60_000);

  it('imports a JSON batch or a CSV body through the API for admins and marketers only, and audits it', async () => {
    const rows = [
      { email: 'Api.One@Import.example', phone: '020 7183 8750', name: 'Api One', country: 'gb', consent_channel: 'sms', consent_purpose: 'marketing', consent_text: 'Texts OK' },
      { email: 'api.one@import.example', company: 'Globex' },
      { email: 'nope', phone: '+44 20 7183 8751' },
    ];
    expect((await api('/contacts/import', 'sales', { rows })).status).toBe(403);
    const response = await api('/contacts/import?defaultRegion=GB', 'marketer', { rows });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ rows: 3, created: 1, updated: 1, unchanged: 0, consentEvents: 1, errors: [{ line: 3, reason: 'bad email "nope"' }] });
    const again = await (await api('/contacts/import?defaultRegion=GB', 'admin', { rows })).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, consentEvents: 0 });
    expect(count("SELECT COUNT(*) AS n FROM channel_identities WHERE channel = 'sms' AND address = '+442071838750'")).toBe(1);

    const csv = await api('/contacts/import', 'admin', 'email,name\ncsv.person@import.example,Csv Person\n,\n', 'text/csv');
    expect(await csv.json()).toMatchObject({ rows: 2, created: 1, errors: [{ line: 3, reason: 'empty row' }] });
    expect((await api('/consent-events', 'admin', 'a,b\n1,2\n', 'text/csv')).status).toBe(415);
    expect(count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'POST /api/v1/contacts/import'")).toBeGreaterThanOrEqual(3);
  });

  it('merges two contacts into one, the kept values winning, with both consent chains verifiable', async () => {
    const idOf = (email: string) => (db.prepare("SELECT contact_id AS id FROM channel_identities WHERE channel = 'email' AND address = ?").get(email) as { id: string }).id;
    const kept = idOf('person10@import.example');
    const other = idOf('person20@import.example');
    const history = async (id: string) => ((await (await api(`/contacts/${id}/consent`, 'admin')).json()) as { history: ConsentRecord[] }).history.map((r) => ({ ...r, at: new Date(r.at) }));
    const otherBefore = await history(other);

    expect((await api(`/contacts/${kept}/merge`, 'marketer', { otherId: other })).status).toBe(403);
    const merged = await api(`/contacts/${kept}/merge`, 'admin', { otherId: other });
    expect(merged.status).toBe(201);
    expect(await merged.json()).toMatchObject({ keptId: kept, mergedId: other, identities: 2, consentEvents: 1 });

    expect(idOf('person20@import.example')).toBe(kept);
    const attributes = JSON.parse((db.prepare('SELECT attributes FROM contacts WHERE id = ?').get(kept) as { attributes: string }).attributes);
    expect(attributes).toMatchObject({ email: 'person10@import.example', name: 'Person 10' });
    const keptChain = await history(kept);
    expect(keptChain.at(-1)?.evidence).toMatchObject({ mergedFrom: other, originalId: otherBefore[0].id, originalHash: otherBefore[0].hash });
    expect(verifyConsentChain(keptChain)).toEqual({ ok: true });
    expect(verifyConsentChain(await history(other))).toEqual({ ok: true });
    expect((await api(`/contacts/${kept}/merge`, 'admin', { otherId: other })).status).toBe(400);
    expect(count("SELECT COUNT(*) AS n FROM audit_events WHERE action LIKE 'POST /api/v1/contacts/:id/merge%'")).toBe(1);
    expect(parley(['consent', 'verify'], env)).toMatch(/0 broken chain/);
  });
});
