import { startApp, type RunningApp } from './support/app';

describe('OpenAPI for the admin API', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running?.close());

  it('serves the generated document with bearer auth and every admin route, and a UI at /api/docs', async () => {
    const doc = await (await fetch(`${running.url}/api/docs/openapi.json`)).json();
    expect(doc.info.title).toBe('Parley admin API');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/contacts/{id}/consent', '/api/v1/consent-events', '/api/v1/nlu/misunderstood', '/api/v1/jobs']),
    );
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/v1'))).toBe(true);
    const ui = await fetch(`${running.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ui.text()).toContain('/api/v1/consent-events');
  });
});
