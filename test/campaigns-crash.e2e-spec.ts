import { isWithinQuietHours } from '@parley/consent';
import { FakeTwilio } from '@parley/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parley } from './support/cli';
import { TWILIO, twilioEnv } from './support/sms-peer';
import { buildIfStale, spawnApp, type SpawnedApp } from './support/spawn-app';

const CONTACTS = 120;
const BODY = 'Crash-test offer: 10% off today. Reply STOP to opt out.';

/** A zone where it is daytime now and for the next ten minutes, so quiet hours hold nobody whenever this runs. */
function daytimeZone(): string {
  const zones = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Auckland', 'Pacific/Honolulu'];
  const now = Date.now();
  return zones.find((z) => !isWithinQuietHours(new Date(now), z) && !isWithinQuietHours(new Date(now + 600_000), z))!;
}

/** The CLI, run without blocking this process (the fake Twilio answers from it). */
const parleyAsync = async (args: string[], env: Record<string, string>) =>
  (await promisify(execFile)(process.execPath, [join(__dirname, '../bin/parley.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env } })).stdout;

describe('SMS campaigns survive kill -9 mid-send: resumed on restart, nobody texted twice', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-campaign-crash-'));
  let env: Record<string, string>;
  let server: SpawnedApp | undefined;
  let adminKey: string;
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${server!.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as { id: string; status: string; progress: Record<string, number>; created?: number };
  };
  const campaignTexts = () => fake.sent.filter((m) => m.body === BODY);

  beforeAll(async () => {
    buildIfStale();
    const { url } = await fake.start();
    env = {
      ...twilioEnv(url),
      DATABASE_URL: `sqlite:${join(dataDir, 'parley.sqlite')}`,
      DATA_DIR: dataDir,
      JOBS_POLL_MS: '20',
      JOBS_LEASE_MS: '1500',
      CAMPAIGN_MAX_RATE_PER_SECOND: '500',
    };
    adminKey = parley(['apikey', 'create', '--role', 'admin', '--name', 'crash-test'], env).trim();
  }, 120_000);
  afterAll(async () => {
    await server?.kill();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes after kill -9 and texts every consented number exactly once', async () => {
    server = await spawnApp(env);
    const timezone = daytimeZone();
    const rows = Array.from({ length: CONTACTS }, (_, i) => ({
      phone: `+1212555${String(2000 + i).padStart(4, '0')}`,
      name: `Crash ${i}`,
      timezone,
      cohort: 'crash',
      consent_channel: 'sms',
      consent_purpose: 'marketing',
      consent_text: 'Acme: marketing texts, Msg & data rates may apply, STOP to cancel.',
    }));
    expect((await api('/contacts/import', { rows })).created).toBe(CONTACTS);

    const id = (await parleyAsync(['campaign', 'send', '--name', 'crash', '--template', BODY, '--attribute', 'cohort=crash', '--rate', '40', '--no-wait'], env)).trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const deadline = Date.now() + 15_000;
    while (campaignTexts().length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await server.kill();
    const atKill = campaignTexts().length;
    expect(atKill).toBeGreaterThanOrEqual(40);
    expect(atKill).toBeLessThan(CONTACTS);

    server = await spawnApp(env);
    const followed = await parleyAsync(['campaign', 'status', id, '--wait'], env);
    expect(followed).toMatch(new RegExp(`campaign ${id} completed: \\d+ sent, 0 skipped \\(no consent\\), 0 held \\(quiet hours\\), [01] failed, 0 pending of ${CONTACTS}`));
    const { progress } = await api(`/campaigns/${id}`);

    const numbers = campaignTexts().map((m) => m.to);
    expect(numbers.length).toBe(new Set(numbers).size);
    expect(progress.sent + progress.failed).toBe(CONTACTS);
    // A recipient whose send was in flight at the kill is never sent again: it counts as failed (outcome unknown),
    // though Twilio may have accepted it. Every other number got exactly one text.
    expect(progress.failed).toBeLessThanOrEqual(1);
    expect(numbers.length === progress.sent || numbers.length === progress.sent + progress.failed).toBe(true);
    expect(numbers.length).toBeGreaterThanOrEqual(CONTACTS - 1);
  }, 90_000);
});
