import { statSync } from 'node:fs';
import { join } from 'node:path';
import { WebchatTransport } from '@parley/channels-webchat';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';
import { artifact, assertChromium, buildWidget, launchChromium } from './support/browser';

interface Bubble {
  id: string | undefined;
  from: string | undefined;
  text: string | null;
}

function transcript(page: Page): Promise<Bubble[]> {
  return page
    .getByTestId('parley-message')
    .evaluateAll((nodes) => nodes.map((n) => ({ id: (n as HTMLElement).dataset.id, from: (n as HTMLElement).dataset.from, text: n.textContent })));
}

function bot(page: Page, text: string) {
  return page.locator('[data-testid="parley-message"][data-from="bot"]', { hasText: text });
}

/** Waits until every optimistic visitor bubble has been acked (so the server has stored it). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('parley-widget')?.shadowRoot?.querySelector('[data-status="sending"]'));
}

/** Collects the hello payloads the page sends, over socket.io's polling requests or its websocket. */
function captureHellos(page: Page): Record<string, unknown>[] {
  const hellos: Record<string, unknown>[] = [];
  const collect = (data: string | Buffer | null) => {
    for (const packet of String(data ?? '').split('\x1e')) {
      const at = packet.indexOf('["hello",');
      if (at >= 0) hellos.push(JSON.parse(packet.slice(at))[1]);
    }
  };
  page.on('websocket', (ws) => ws.on('framesent', (frame) => collect(frame.payload)));
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/socket.io/')) collect(request.postData());
  });
  return hellos;
}

async function until(condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The panel slides in; measure it only once its transition has finished. */
async function panelIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const panel = document.getElementById('parley-widget')?.shadowRoot?.querySelector('[data-testid="parley-panel"]');
    return !!panel && panel.getAnimations().length === 0;
  });
}

function focusedTestId(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.getElementById('parley-widget')?.shadowRoot?.activeElement?.getAttribute('data-testid'));
}

describe('web chat widget in headless Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertChromium();
    const started = Date.now();
    buildWidget();
    expect(statSync(join(__dirname, '../dist/widget/widget.js')).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function openPage(viewport: { width: number; height: number }, path = '/', before?: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const hellos = captureHellos(page);
    await before?.(page);
    await page.goto(`${app.url}${path}`);
    return { page, hellos };
  }

  it('greets, chats, offers quick replies and resumes the same transcript after a reload', async () => {
    const { page, hellos } = await openPage({ width: 1280, height: 800 }, '/?utm_source=e2e&utm_campaign=widget');
    expect(await page.getByTestId('parley-panel').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByTestId('parley-panel').waitFor({ state: 'visible' });
    await bot(page, "what's your name?").waitFor();
    expect(await focusedTestId(page)).toBe('parley-input');

    await page.getByTestId('parley-input').fill('Ada');
    await page.getByTestId('parley-send').click();
    await bot(page, 'Nice to meet you, Ada!').waitFor();

    await page.getByTestId('parley-input').fill('not-an-email');
    await page.getByTestId('parley-input').press('Enter');
    await bot(page, "doesn't look like an email").waitFor();

    await page.getByTestId('parley-input').press('Enter'); // empty input: nothing is sent
    await page.getByTestId('parley-input').fill('ada@acme.io');
    await page.getByTestId('parley-input').press('Enter');
    await bot(page, 'How many people work').waitFor();
    const replies = page.getByTestId('parley-quick-reply');
    expect(await replies.allTextContents()).toEqual(['1-49', '50-999', '1000+']);
    await page.screenshot({ animations: 'disabled', path: artifact('widget-desktop-quick-replies.png') });

    await replies.filter({ hasText: '50-999' }).click();
    await bot(page, 'A product specialist will reach out').waitFor();
    await settled(page);
    expect(await replies.count()).toBe(0);
    expect(await page.getByTestId('parley-typing').isVisible()).toBe(false);
    await page.screenshot({ animations: 'disabled', path: artifact('widget-desktop.png') });

    const before = await transcript(page);
    expect(before.filter((b) => b.from === 'visitor').map((b) => b.text)).toEqual(['Ada', 'not-an-email', 'ada@acme.io', '50-999']);
    expect(before.filter((b) => b.from === 'bot').length).toBeGreaterThanOrEqual(6);
    expect(new Set(before.map((b) => b.id)).size).toBe(before.length);
    expect(before.every((b) => b.id)).toBe(true);
    const visitorId = await page.evaluate(() => localStorage.getItem('parley.visitorId'));
    expect(visitorId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    await page.keyboard.press('Escape');
    await page.getByTestId('parley-panel').waitFor({ state: 'hidden' });
    expect(await focusedTestId(page)).toBe('parley-launcher');

    await page.reload();
    await page.getByTestId('parley-launcher').click();
    await page.waitForFunction(
      (count) => document.getElementById('parley-widget')?.shadowRoot?.querySelectorAll('[data-testid="parley-message"]').length === count,
      before.length,
    );
    await page.waitForTimeout(300); // a second greeting or a duplicated bubble would land in this window
    expect(await transcript(page)).toEqual(before);
    expect(await page.evaluate(() => localStorage.getItem('parley.visitorId'))).toBe(visitorId);
    expect(hellos[0]).toEqual({
      page: { url: `${app.url}/?utm_source=e2e&utm_campaign=widget`, title: expect.any(String) },
      locale: expect.any(String),
      utm: { utm_source: 'e2e', utm_campaign: 'widget' },
    });
    expect(hellos[hellos.length - 1]).toMatchObject({ visitorId });
    await page.screenshot({ animations: 'disabled', path: artifact('widget-desktop-resumed.png') });
    await page.context().close();
  }, 30_000);

  it('fills a phone screen, keeps the input visible and renders markup as text', async () => {
    const { page } = await openPage({ width: 390, height: 844 });
    await page.getByTestId('parley-launcher').click();
    await bot(page, "what's your name?").waitFor();
    await panelIdle(page);
    expect(await page.getByTestId('parley-panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    const input = await page.getByTestId('parley-input').boundingBox();
    expect(input && input.y >= 0 && input.y + input.height <= 844 && input.width > 200).toBe(true);

    const markup = '<img src=x onerror="window.__parleyXss=1">';
    await page.getByTestId('parley-input').fill(markup);
    await page.getByTestId('parley-input').press('Enter');
    await bot(page, 'Nice to meet you').waitFor();
    await settled(page);
    const visitor = page.locator('[data-testid="parley-message"][data-from="visitor"]');
    expect(await visitor.textContent()).toBe(markup);
    expect(await page.evaluate(() => (window as { __parleyXss?: number }).__parleyXss)).toBeUndefined();
    expect(await page.locator('#parley-widget img').count()).toBe(0);
    await page.screenshot({ animations: 'disabled', path: artifact('widget-phone.png') });

    await page.getByRole('button', { name: 'Close chat' }).click();
    await page.getByTestId('parley-panel').waitFor({ state: 'hidden' });
    await page.screenshot({ animations: 'disabled', path: artifact('widget-phone-closed.png') });
    await page.context().close();
  }, 30_000);

  it('shows typing dots, and answers a flood politely while keeping the unsent text', async () => {
    const { page } = await openPage({ width: 1280, height: 800 });
    await page.getByTestId('parley-launcher').click();
    await bot(page, "what's your name?").waitFor();
    const visitorId = await page.evaluate(() => localStorage.getItem('parley.visitorId'));
    app.app.get(WebchatTransport, { strict: false }).typing('webchat', visitorId!);
    await page.getByTestId('parley-typing').waitFor({ state: 'visible' });
    const input = page.getByTestId('parley-input');
    await input.fill('Grace');
    await input.press('Enter');
    await bot(page, 'Nice to meet you, Grace!').waitFor();
    expect(await page.getByTestId('parley-typing').isVisible()).toBe(false);

    // Send one by one until the gateway's flood limit (configurable, 20 per 10 s by default) answers rate_limited.
    const notice = page.getByTestId('parley-notice');
    let sent = 0;
    while (!(await notice.isVisible())) {
      if (++sent > 60) throw new Error('60 messages in a row were accepted: no rate limit reached');
      await input.fill(`message ${sent}`);
      await input.press('Enter');
      await settled(page);
    }
    expect(sent).toBeGreaterThan(1);
    expect(await notice.textContent()).toContain('Slow down a little');
    expect(await input.inputValue()).toBe(`message ${sent}`);
    const visitor = await page.locator('[data-testid="parley-message"][data-from="visitor"]').allTextContents();
    expect(visitor).toEqual(['Grace', ...Array.from({ length: sent - 1 }, (_, i) => `message ${i + 1}`)]);
    await page.screenshot({ animations: 'disabled', path: artifact('widget-rate-limited.png') });
    await page.context().close();
  }, 30_000);

  it('reconnects after the connection drops, says hello again as the same visitor and shows nothing twice', async () => {
    const sockets: WebSocketRoute[] = [];
    const { page, hellos } = await openPage({ width: 1280, height: 800 }, '/', (p) =>
      p.routeWebSocket(/\/socket\.io\//, (ws) => {
        ws.connectToServer();
        sockets.push(ws);
      }),
    );
    await page.getByRole('button', { name: 'Talk to sales' }).click(); // the demo page calls window.parley.open()
    await bot(page, "what's your name?").waitFor();
    await page.getByTestId('parley-input').fill('Grace');
    await page.getByTestId('parley-input').press('Enter');
    await bot(page, 'Nice to meet you, Grace!').waitFor();
    await settled(page);
    await until(() => sockets.length > 0); // socket.io upgrades from polling to the websocket

    expect(hellos).toHaveLength(1);
    const visitorId = await page.evaluate(() => localStorage.getItem('parley.visitorId'));

    await Promise.all(sockets.splice(0).map((ws) => ws.close()));
    await until(() => hellos.length === 2);
    expect(hellos[1]).toMatchObject({ visitorId });
    await page.locator('#parley-widget .status', { hasText: 'Online' }).waitFor();

    await page.getByTestId('parley-input').fill('grace@acme.io');
    await page.getByTestId('parley-input').press('Enter');
    await bot(page, 'How many people work').waitFor();
    await settled(page);
    const bubbles = await transcript(page);
    expect(bubbles.filter((b) => b.from === 'visitor').map((b) => b.text)).toEqual(['Grace', 'grace@acme.io']);
    expect(new Set(bubbles.map((b) => b.id)).size).toBe(bubbles.length);
    expect(new Set(bubbles.map((b) => b.text)).size).toBe(bubbles.length);
    await page.context().close();
  }, 30_000);
});
