import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { FakeTwilio } from '@parley/testing';
import { startApp, type RunningApp } from './support/app';
import { parley } from './support/cli';
import { SmsPeer, TWILIO, randomPhone, twilioEnv } from './support/sms-peer';
import { buildIfStale } from './support/spawn-app';

describe('consent ledger: proof, export, tamper evidence and roles', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let running: RunningApp;
  let env: Record<string, string>;
  const peer = new SmsPeer(() => running.url, fake);
  const keys: Record<string, string> = {};
  const api = (path: string, role: string, init: RequestInit = {}) =>
    fetch(`${running.url}/api/v1${path}`, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${keys[role]}` },
    });

  beforeAll(async () => {
    buildIfStale();
    const { url } = await fake.start();
    running = await startApp(twilioEnv(url));
    env = { DATABASE_URL: `sqlite:${join(running.dataDir, 'parley.sqlite')}` };
    for (const role of ['admin', 'marketer', 'sales', 'readonly']) keys[role] = parley(['apikey', 'create', '--role', role, '--name', role], env).trim();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    await fake.stop();
  });

  it('keeps keyword and staff consent changes with proof, exports them, and detects an edited row', async () => {
    const phone = randomPhone();
    await peer.text(phone, 'Hi', 2);
    await peer.text(phone, 'STOP', 1);
    await peer.text(phone, 'START', 1);
    const db = new Database(join(running.dataDir, 'parley.sqlite'));
    const { contact_id: contactId } = db.prepare("SELECT contact_id FROM channel_identities WHERE channel = 'sms' AND address = ?").get(phone) as { contact_id: string };

    const disclosure = 'Acme may email you product news about twice a month. Unsubscribe any time.';
    const granted = await api(`/contacts/${contactId}/consent`, 'marketer', {
      method: 'POST',
      body: JSON.stringify({ channel: 'email', purpose: 'marketing', action: 'grant', disclosureText: disclosure, evidence: { form: 'webinar-signup' } }),
    });
    expect(granted.status).toBe(201);
    expect((await api(`/contacts/${contactId}/consent`, 'sales', { method: 'POST', body: JSON.stringify({ channel: 'email', purpose: 'marketing', action: 'revoke' }) })).status).toBe(403);
    expect((await api(`/contacts/${contactId}/consent`, 'marketer', { method: 'POST', body: JSON.stringify({ channel: 'fax', purpose: 'marketing', action: 'grant' }) })).status).toBe(400);
    expect((await api('/contacts/0190b6a4-0000-7000-8000-000000000000/consent', 'readonly')).status).toBe(404);

    const view = await (await api(`/contacts/${contactId}/consent`, 'sales')).json();
    expect(view.history.map((e: { action: string; channel: string; source: string }) => `${e.action}:${e.channel}:${e.source}`)).toEqual([
      'revoke:sms:keyword',
      'grant:sms:keyword',
      'grant:email:api',
    ]);
    expect(view.history[0].evidence).toMatchObject({ address: phone, text: 'STOP' });
    expect(view.history[2]).toMatchObject({ disclosureText: disclosure, disclosureVersion: expect.stringMatching(/^[0-9a-f]{16}$/), actor: expect.stringContaining('(marketer)') });
    expect(view.current).toEqual(expect.arrayContaining([{ channel: 'email', purpose: 'marketing', status: 'granted' }, { channel: 'sms', purpose: 'marketing', status: 'granted' }]));

    expect((await api('/consent-events', 'marketer')).status).toBe(403);
    const json = await (await api('/consent-events', 'admin')).json();
    expect(json.events.filter((e: { contactId: string }) => e.contactId === contactId)).toHaveLength(3);
    const csv = await api('/consent-events?format=csv', 'admin');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('id,contactId,seq,at,channel,purpose,action,source,actor,disclosureVersion,disclosureText,evidence,prevHash,hash');
    expect(lines.filter((l) => l.includes(contactId))).toHaveLength(3);

    expect(parley(['consent', 'verify'], env)).toMatch(/0 broken chain/);
    const edited = view.history[0].id;
    db.prepare("UPDATE consent_events SET action = 'grant' WHERE id = ?").run(edited);
    db.close();
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, [join(__dirname, '../bin/parley.js'), 'consent', 'verify'], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status?: number; stderr?: string };
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toContain(`row ${edited} (seq 1): row content was changed`);
  });
});
