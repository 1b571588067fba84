import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';

const adminKey = async (running: RunningApp) => (await new SqlApiKeys(running.app.get<{ sql: SqlDatabase }>(DATABASE).sql).create('admin', 'admin', new Date())).key;

describe('HTTP hardening: headers, admin CORS, rate limits, body limits', () => {
  let running: RunningApp;
  let key: string;
  const ORIGIN = 'https://admin.acme.example';

  beforeAll(async () => {
    running = await startApp({ ADMIN_CORS_ORIGINS: `${ORIGIN}, https://other.acme.example` });
    key = await adminKey(running);
  });
  afterAll(() => running?.close());

  it('sends security headers with a CSP that lets the demo page load the widget', async () => {
    const page = await fetch(`${running.url}/health`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).not.toMatch(/upgrade-insecure-requests|unsafe-eval/);
    expect(page.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers admin preflights only for configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${running.url}/api/v1/consent-events`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const evil = await preflight('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${running.url}/api/v1/consent-events`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${key}` } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a webhook body over 64 KB with 413, before any signature check', async () => {
    const response = await fetch(`${running.url}/webhooks/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Body=${'a'.repeat(70 * 1024)}`,
    });
    expect(response.status).toBe(413);
  });
});

describe('rate limits', () => {
  let running: RunningApp;
  let key: string;

  beforeAll(async () => {
    running = await startApp({ RATE_LIMIT_API_PER_KEY: '5', RATE_LIMIT_API_PER_IP: '8', RATE_LIMIT_WEBHOOK_PER_IP: '4' });
    key = await adminKey(running);
  });
  afterAll(() => running?.close());

  it('limits webhooks per IP and the admin API per key, with 429 and Retry-After', async () => {
    const hook = () => fetch(`${running.url}/webhooks/twilio/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    const hooks = [];
    for (let i = 0; i < 6; i++) hooks.push(await hook());
    expect(hooks.map((r) => r.status === 429)).toEqual([false, false, false, false, true, true]);
    expect(Number(hooks[5].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const call = () => fetch(`${running.url}/api/v1/consent-events`, { headers: { authorization: `Bearer ${key}` } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await call()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const other = await fetch(`${running.url}/api/v1/consent-events`, { headers: { authorization: 'Bearer someone-else' } });
    expect(other.status).toBe(401);
    const flood = await fetch(`${running.url}/api/v1/consent-events`, { headers: { authorization: 'Bearer a-third-key' } });
    expect(flood.status).toBe(429);
    expect(await flood.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });
});
