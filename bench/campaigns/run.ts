import { isWithinQuietHours } from '@parley/consent';
import { openDatabase, parseDatabaseUrl, SqlApiKeys } from '@parley/persistence';
import { FakeTwilio } from '@parley/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@parley/testing';
import { cpuMicros } from '../support/process-stats';
import { spawnServer } from '../support/spawn-server';

const root = resolve(__dirname, '../../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECIPIENTS = arg('recipients', 2000);
const AUTH = { accountSid: `AC${'0'.repeat(32)}`, authToken: 'bench-auth-token' };
const FROM = '+15005550006';

/** A zone where it is daytime now, so quiet hours hold nobody. */
const zone = () => ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Los_Angeles'].find((z) => !isWithinQuietHours(new Date(), z))!;
const phoneOf = (i: number) => `+1212${String(2_000_000 + i).padStart(7, '0')}`;

/** The baseline: the same Messages API calls, one after another, from a bare loop (no database, no gate, no SDK). */
async function bare(fakeUrl: string): Promise<number> {
  const url = `${fakeUrl}/2010-04-01/Accounts/${AUTH.accountSid}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${AUTH.accountSid}:${AUTH.authToken}`).toString('base64')}`;
  const started = performance.now();
  for (let i = 0; i < RECIPIENTS; i++) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ To: phoneOf(i), From: FROM, Body: `Hi Person ${i}, 20% off this week.` }),
    });
    await response.arrayBuffer();
  }
  return RECIPIENTS / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-campaigns-'));
  const fake = new FakeTwilio(AUTH);
  try {
    const { url: fakeUrl } = await fake.start();
    const bareRate = await bare(fakeUrl);
    fake.sent.length = 0;

    const databaseUrl = `sqlite:${join(dataDir, 'bench.sqlite')}`;
    const opened = await openDatabase(parseDatabaseUrl(databaseUrl));
    const { key } = await new SqlApiKeys(opened.sql).create('bench', 'admin', new Date());
    await opened.dataSource.destroy();
    const env = {
      DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', NODE_ENV: 'production', FLOWS_DIR: join(root, 'flows'), JOBS_POLL_MS: '20',
      TWILIO_ACCOUNT_SID: AUTH.accountSid, TWILIO_AUTH_TOKEN: AUTH.authToken, TWILIO_FROM: FROM, TWILIO_API_URL: fakeUrl, PUBLIC_BASE_URL: 'https://parley.bench.example',
      CAMPAIGN_MAX_RATE_PER_SECOND: '1000', RATE_LIMIT_API_PER_KEY: '100000',
    };
    const server = await spawnServer(process.execPath, [join(root, 'dist/apps/server/src/main.js')], await freePort(), env, root);
    const api = async (path: string, body?: unknown) =>
      (await fetch(`${server.url}/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })).json() as Promise<{ id: string; status: string; progress: Record<string, number> }>;
    const timezone = zone();
    for (let start = 0; start < RECIPIENTS; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, RECIPIENTS - start) }, (_, j) => ({
        phone: phoneOf(start + j), name: `Person ${start + j}`, timezone, consent_channel: 'sms', consent_purpose: 'marketing', consent_text: 'Bench',
      }));
      await api('/contacts/import', { rows });
    }
    const cpuBefore = cpuMicros(server.child.pid!);
    const started = performance.now();
    const { id } = await api('/campaigns', { name: 'bench', template: 'Hi {{name}}, 20% off this week.', audience: { filter: { attributes: { timezone } } }, rate: 1000 });
    while ((await api(`/campaigns/${id}`)).status !== 'completed') await new Promise((r) => setTimeout(r, 50));
    const seconds = (performance.now() - started) / 1000;
    const cpuPerMessage = (cpuMicros(server.child.pid!) - cpuBefore) / RECIPIENTS;
    const { progress } = await api(`/campaigns/${id}`);
    await server.stop();

    const parleyRate = RECIPIENTS / seconds;
    console.log(`SMS campaign of ${RECIPIENTS} consented recipients, sequential sends to a local fake Twilio (load average ${loadavg()[0].toFixed(1)})`);
    console.log(`bare fetch loop        ${bareRate.toFixed(0).padStart(6)} msgs/s`);
    console.log(`parley campaign        ${parleyRate.toFixed(0).padStart(6)} msgs/s   server CPU ${cpuPerMessage.toFixed(0)} µs/msg   (cap 1000/s)`);
    console.log(`throughput ratio parley/bare: ${((parleyRate / bareRate) * 100).toFixed(1)}%`);
    console.log(JSON.stringify({ recipients: RECIPIENTS, bareRate, parleyRate, cpuPerMessage, progress, fakeReceived: fake.sent.length }));
  } finally {
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
