import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatClient } from './support/chat-client';
import { startApp, type RunningApp } from './support/app';
import { parley } from './support/cli';
import { buildIfStale } from './support/spawn-app';

async function ask(url: string, text: string): Promise<string> {
  const visitor = new ChatClient(url);
  try {
    await visitor.hello();
    await visitor.nextText(/What can I help you with/);
    await visitor.send(text);
    return (await visitor.nextText(/^(PRICING|DEMO|FALLBACK):/)).text;
  } finally {
    visitor.close();
  }
}

describe('understanding sentences, and the misunderstood queue', () => {
  let flowsDir: string;
  let running: RunningApp;
  let env: Record<string, string>;
  const api = (path: string, key: string | undefined, init: RequestInit = {}) =>
    fetch(`${running.url}/api/v1${path}`, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    });

  beforeAll(async () => {
    buildIfStale();
    flowsDir = mkdtempSync(join(tmpdir(), 'parley-nlu-flows-'));
    cpSync(join(__dirname, 'fixtures/flows/triage.flow.yaml'), join(flowsDir, 'triage.flow.yaml'));
    cpSync(join(__dirname, '../flows/nlu'), join(flowsDir, 'nlu'), { recursive: true });
    running = await startApp({ FLOWS_DIR: flowsDir, ENTRY_FLOW: 'triage' });
    env = { DATABASE_URL: `sqlite:${join(running.dataDir, 'parley.sqlite')}`, FLOWS_DIR: flowsDir, DATA_DIR: running.dataDir };
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    rmSync(flowsDir, { recursive: true, force: true });
  });

  it('takes the branch a sentence means, and the fallback for an off-topic one', async () => {
    expect(await ask(running.url, 'hey, roughly how much would this cost us per seat?')).toMatch(/^PRICING/);
    expect(await ask(running.url, 'could we book a demo for next week?')).toMatch(/^DEMO/);
    expect(await ask(running.url, 'what will the weather be like in Lisbon?')).toMatch(/^FALLBACK/);
  });

  it('queues what it did not understand, lets a marketer label it over the API, and retrains on it', async () => {
    const marketer = parley(['apikey', 'create', '--role', 'marketer', '--name', 'mia'], env).trim();
    const readonly = parley(['apikey', 'create', '--role', 'readonly', '--name', 'rob'], env).trim();
    expect(marketer).toMatch(/^pk_/);

    const off = 'my cat keeps knocking plants off the windowsill';
    expect(await ask(running.url, off)).toMatch(/^FALLBACK/);
    const listed = await (await api('/nlu/misunderstood', readonly)).json();
    const item = listed.items.find((u: { text: string }) => u.text === off);
    expect(item).toMatchObject({ channel: 'webchat', label: null, guesses: expect.any(Array) });

    expect((await api('/nlu/misunderstood', undefined)).status).toBe(401);
    expect((await api('/nlu/misunderstood', 'pk_not-a-key')).status).toBe(401);
    const denied = await api(`/nlu/misunderstood/${item.id}/label`, readonly, { method: 'POST', body: JSON.stringify({ intent: 'pricing' }) });
    expect(denied.status).toBe(403);
    const bad = await api(`/nlu/misunderstood/${item.id}/label`, marketer, { method: 'POST', body: JSON.stringify({ intent: 'Not An Intent!' }) });
    expect(bad.status).toBe(400);
    const unknown = await api('/nlu/misunderstood/0190b6a4-0000-7000-8000-000000000000/label', marketer, {
      method: 'POST',
      body: JSON.stringify({ intent: 'pricing' }),
    });
    expect(unknown.status).toBe(404);

    const labelled = await api(`/nlu/misunderstood/${item.id}/label`, marketer, { method: 'POST', body: JSON.stringify({ intent: 'pricing' }) });
    expect(labelled.status).toBe(201);
    expect(await labelled.json()).toMatchObject({ id: item.id, label: 'pricing', labelledBy: 'mia' });

    const retrained = await (await api('/nlu/retrain', marketer, { method: 'POST' })).json();
    expect(retrained.labelled).toBe(1);
    expect(await ask(running.url, off)).toMatch(/^PRICING/);

    const cliList = parley(['misunderstood', 'list', '--labelled', '--json'], env);
    expect(cliList).toContain(off);

    const db = new Database(join(running.dataDir, 'parley.sqlite'), { readonly: true });
    const audit = db.prepare('SELECT actor, action, target, ip FROM audit_events ORDER BY created_at').all();
    db.close();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'apikey.create', actor: 'cli' }),
        expect.objectContaining({ action: 'POST /api/v1/nlu/misunderstood/:id/label', target: item.id, actor: expect.stringContaining('(mia)'), ip: '127.0.0.1' }),
        expect.objectContaining({ action: 'POST /api/v1/nlu/retrain', actor: expect.stringContaining('(mia)') }),
      ]),
    );
    expect(audit).not.toEqual(expect.arrayContaining([expect.objectContaining({ actor: expect.stringContaining('(rob)') })]));
  });
});
