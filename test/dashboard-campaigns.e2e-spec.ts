import { FakeTwilio } from '@parley/testing';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';
import { artifact, assertChromium, launchChromium } from './support/browser';
import { keysByRole } from './support/dashboard-session';
import { ManualClock } from './support/manual-clock';
import { TWILIO, twilioEnv } from './support/sms-peer';

const DISCLOSURE = 'Acme Deals: recurring marketing texts, up to 4/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.';

/** The recipients are New York numbers: at a real clock's night-time their texts would (rightly) wait for morning. */
const DAYTIME_IN_NEW_YORK = new Date('2027-01-12T16:00:00Z');

describe('dashboard campaigns in headless Chromium', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let app: RunningApp;
  let browser: Browser;
  let marketer: string;

  beforeAll(async () => {
    assertChromium();
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const { buildDashboard } = await import('./scripts/build-dashboard.mjs'); await buildDashboard(process.cwd());"],
      { cwd: join(__dirname, '..'), stdio: 'pipe', timeout: 30_000 },
    );
    const { url } = await fake.start();
    [app, browser] = await Promise.all([startApp({ ...twilioEnv(url), JOBS_POLL_MS: '20' }, { clock: new ManualClock(DAYTIME_IN_NEW_YORK) }), launchChromium()]);
    marketer = (await keysByRole(app)).marketer.key;
    const api = (path: string, body: unknown) =>
      fetch(`${app.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${marketer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const rows = Array.from({ length: 5 }, (_, i) => ({ phone: `+1212555${String(7000 + i)}`, name: `Person ${i}`, batch: 'spring', consent_channel: 'sms', consent_purpose: 'marketing', consent_text: DISCLOSURE }));
    expect((await api('/contacts/import', { rows })).status).toBe(201);
    expect((await api('/segments', { id: 'spring-batch', name: 'Spring batch', filter: { attribute: 'batch', equals: 'spring' } })).status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake.stop();
  });

  it('creates a campaign from a segment and a template, previews its cost and follows its progress to the end', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${app.url}/dashboard/campaigns`);
    await page.getByLabel('API key').fill(marketer);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('campaigns-table').waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Spring sale');
    await page.getByRole('combobox', { name: 'Segment' }).selectOption('spring-batch');
    await page.getByLabel('Messages per second').fill('5');
    await page.getByLabel('Template').fill('Hi {{name}}, 20% off this week at Acme. Reply STOP to opt out.');
    const preview = page.getByTestId('campaign-preview');
    await preview.getByText('Hi Ada, 20% off this week').waitFor();
    expect(await page.getByTestId('sms-segments').textContent()).toBe('1');
    expect(await preview.textContent()).toContain('5 recipients ≈ $0.04'); // 5 × 1 segment × $0.0079
    await page.screenshot({ path: artifact('dashboard-campaign-new.png'), fullPage: true });

    await page.getByRole('button', { name: 'Send campaign' }).click();
    await page.getByRole('status').filter({ hasText: 'Started: 5 recipients' }).waitFor();
    const row = page.getByTestId('campaigns-table').locator('tbody tr', { hasText: 'Spring sale' });
    await row.locator('td', { hasText: 'completed' }).waitFor(); // the page polls while a campaign runs
    expect(await row.locator('progress').evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([5, 5]);
    expect(fake.sent.filter((m) => m.body?.startsWith('Hi Person')).length).toBe(5);
    await page.screenshot({ path: artifact('dashboard-campaign-done.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 40_000);
});
