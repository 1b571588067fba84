import type { ApiRole } from '@parley/persistence';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';
import { artifact, assertChromium, buildWidget, launchChromium } from './support/browser';
import { keysByRole } from './support/dashboard-session';

/** Rebuilds dist/dashboard from the sources (a child process: the build script is ESM). */
function buildDashboard(): void {
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "const { buildDashboard } = await import('./scripts/build-dashboard.mjs'); await buildDashboard(process.cwd());"],
    { cwd: join(__dirname, '..'), stdio: 'pipe', timeout: 30_000 },
  );
}

function bot(page: Page, text: string) {
  return page.locator('[data-testid="parley-message"][data-from="bot"]', { hasText: text });
}

describe('dashboard in headless Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let keys: Record<ApiRole, { key: string }>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertChromium();
    buildWidget();
    buildDashboard();
    [app, browser] = await Promise.all([startApp({ ENTRY_FLOW: 'lead-qualification' }), launchChromium()]);
    keys = await keysByRole(app);
  }, 40_000);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await app?.close();
  });

  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function logIn(page: Page, key: string): Promise<void> {
    await page.goto(`${app.url}/dashboard`);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  }

  it('shows a new web chat live, takes it over, and the agent reply reaches the visitor', async () => {
    const dashboard = await open();
    await page404Free(dashboard);
    await logIn(dashboard, keys.marketer.key);
    expect(await dashboard.context().cookies()).toEqual([expect.objectContaining({ name: 'parley_session', httpOnly: true, sameSite: 'Strict' })]);
    expect(await dashboard.evaluate(() => document.cookie)).toBe('');
    await dashboard.screenshot({ path: artifact('dashboard-conversations-empty.png') });

    const visitor = await open();
    await visitor.goto(`${app.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await bot(visitor, "what's your name?").waitFor();
    await visitor.getByTestId('parley-input').fill('Ada');
    await visitor.getByTestId('parley-input').press('Enter');
    await bot(visitor, 'Nice to meet you, Ada!').waitFor();

    const live = dashboard.getByTestId('conversation-row').filter({ hasText: 'Nice to meet you, Ada!' });
    await live.waitFor(); // pushed live over the dashboard socket: no reload
    const row = dashboard.locator(`[data-testid="conversation-row"][data-id="${await live.getAttribute('data-id')}"]`);
    await row.click();
    const transcript = dashboard.getByTestId('transcript');
    await transcript.getByText('Ada', { exact: false }).first().waitFor();
    await dashboard.getByRole('button', { name: 'Take over' }).click();
    await dashboard.getByLabel('Reply as agent').fill('Hello Ada, this is Grace from sales.');
    await dashboard.getByRole('button', { name: 'Send' }).click();
    await dashboard.locator('[data-testid="transcript-message"][data-from="agent"]', { hasText: 'Grace from sales' }).waitFor();
    await visitor.locator('[data-testid="parley-message"][data-from="agent"]', { hasText: 'Hello Ada, this is Grace from sales.' }).waitFor();

    await visitor.getByTestId('parley-input').fill('Great, thanks!');
    await visitor.getByTestId('parley-input').press('Enter');
    await dashboard.locator('[data-testid="transcript-message"][data-from="visitor"]', { hasText: 'Great, thanks!' }).waitFor();
    expect(await row.getByTestId('conversation-owner').textContent()).toBe('human');
    expect(await row.locator('strong').textContent()).toBe('Ada'); // the name the flow learnt, pushed live
    await dashboard.screenshot({ path: artifact('dashboard-conversation-taken-over.png') });
    await visitor.screenshot({ path: artifact('dashboard-visitor-widget.png') });
    await dashboard.getByRole('button', { name: 'Hand back to the bot' }).click();
    await dashboard.getByRole('button', { name: 'Take over' }).waitFor();
  }, 40_000);

  it('renders the funnel chart with the numbers the API gives', async () => {
    const page = await open();
    await logIn(page, keys.marketer.key);
    await page.getByRole('link', { name: 'Funnel' }).click();
    await page.getByTestId('funnel-numbers').waitFor();
    const api = await page.evaluate(async () => (await fetch('/api/v1/funnel', { headers: { 'x-parley-dashboard': '1' } })).json());
    expect(api.total.conversations).toBeGreaterThanOrEqual(1);
    for (const stage of api.stages as string[]) expect(await page.getByTestId(`funnel-${stage}`).textContent()).toBe(String(api.total[stage]));
    const intents = Object.entries(api.intents as Record<string, number>);
    if (intents.length === 0) await page.getByTestId('intents-empty').waitFor();
    for (const [intent, count] of intents) expect(await page.locator(`[data-intent="${intent}"] .bar-count`).textContent()).toBe(String(count));
    const drawn = await page.getByTestId('funnel-chart').evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
      return { width: c.width, height: c.height, painted };
    });
    expect(drawn.width).toBeGreaterThan(100);
    expect(drawn.painted).toBeGreaterThan(1000);
    await page.screenshot({ path: artifact('dashboard-funnel.png'), fullPage: true });
  }, 30_000);

  it('shows leads, a lead page, flows, campaigns and consent, on a laptop and a phone', async () => {
    const page = await open();
    await logIn(page, keys.admin.key);
    await page.getByRole('link', { name: 'Leads' }).click();
    await page.getByTestId('lead-row').first().waitFor();
    await page.getByLabel('Search').fill('Ada');
    await page.getByTestId('lead-row').filter({ hasText: 'Ada' }).first().waitFor();
    await page.screenshot({ path: artifact('dashboard-leads.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByTestId('leads-csv').click();
    expect((await download).suggestedFilename()).toBe('leads.csv');
    await page.getByRole('link', { name: 'Ada' }).first().click();
    await page.getByRole('heading', { name: 'Why this score' }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.screenshot({ path: artifact('dashboard-lead.png'), fullPage: true });

    await page.getByRole('link', { name: 'Flows' }).click();
    await page.locator('.files > li').filter({ hasText: /valid lead-qualification\.flow\.yaml/ }).waitFor();
    await page.locator('details.flow summary').first().click();
    await page.locator('details.flow svg rect').first().waitFor();
    await page.screenshot({ path: artifact('dashboard-flows.png'), fullPage: true });

    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByTestId('campaigns-table').waitFor();
    await page.getByLabel('Template').fill(`Hi {{name}}, ${'x'.repeat(160)}`);
    expect(await page.getByTestId('sms-segments').textContent()).toBe('2'); // 168 GSM-7 characters once {{name}} is Ada
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280); // long words wrap
    await page.screenshot({ path: artifact('dashboard-campaigns.png'), fullPage: true });

    await page.getByRole('link', { name: 'Consent' }).click();
    await page.getByTestId('audit-log').locator('tbody tr').first().waitFor();
    await page.screenshot({ path: artifact('dashboard-consent.png'), fullPage: true });

    const phone = await open({ width: 390, height: 844 });
    await logIn(phone, keys.admin.key);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: artifact('dashboard-phone-conversations.png'), fullPage: true });
    await phone.getByRole('link', { name: 'Leads' }).click();
    await phone.getByTestId('lead-row').first().waitFor();
    await phone.screenshot({ path: artifact('dashboard-phone-leads.png'), fullPage: true });
  }, 40_000);

  it('gives a readonly key no take-over controls, and a wrong key no way in', async () => {
    const page = await open();
    await page.goto(`${app.url}/dashboard`);
    await page.getByLabel('API key').fill('pk_not-a-key');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'unknown or revoked' }).waitFor();
    await page.screenshot({ path: artifact('dashboard-login-refused.png') });

    await logIn(page, keys.readonly.key);
    await page.getByTestId('session-role').filter({ hasText: 'readonly' }).waitFor();
    await page.getByTestId('conversation-row').first().click();
    await page.getByTestId('transcript-message').first().waitFor();
    expect(await page.getByTestId('takeover-controls').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Take over' }).count()).toBe(0);
    await page.screenshot({ path: artifact('dashboard-readonly.png') });
  }, 30_000);
});

/** Every request the dashboard makes must succeed: a missing asset or API is a broken page. */
async function page404Free(page: Page): Promise<void> {
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/dashboard/session') && !response.url().includes('/api/v1/campaigns')) {
      throw new Error(`${response.status()} for ${response.url()}`);
    }
  });
}
