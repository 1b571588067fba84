import { join } from 'node:path';
import { startApp, type RunningApp } from './support/app';
import { parley } from './support/cli';
import { buildIfStale } from './support/spawn-app';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema?: unknown; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}

const successExample = (operation: Operation) =>
  Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1].content?.['application/json']?.example;

const bodyExample = (operation: Operation) => Object.values(operation.requestBody?.content['application/json']?.examples ?? {})[0]?.value;

describe('OpenAPI for the admin API', () => {
  let running: RunningApp;
  let adminKey: string;
  let doc: { info: { title: string }; components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, Operation>> };
  const operations = () => Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op })));
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    buildIfStale();
    running = await startApp();
    adminKey = parley(['apikey', 'create', '--role', 'admin', '--name', 'docs'], { DATABASE_URL: `sqlite:${join(running.dataDir, 'parley.sqlite')}` }).trim();
    doc = await (await fetch(`${running.url}/api/docs/openapi.json`)).json();
  }, 120_000);
  afterAll(() => running?.close());

  it('serves the generated document with bearer auth and every admin route, and a UI at /api/docs', async () => {
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

  it('documents every route with a summary, an example answer, the auth errors and, for a body, its schema and an example', () => {
    const undocumented = operations()
      .filter(({ op }) => !op.summary || successExample(op) === undefined || !op.responses['401'] || !op.responses['403'])
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(undocumented).toEqual([]);
    const bodiesWithoutExample = operations()
      .filter(({ op }) => op.requestBody && (bodyExample(op) === undefined || !op.requestBody.content['application/json']?.schema))
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(bodiesWithoutExample).toEqual([]);
  });

  it('gives examples that the API itself accepts, and answers shaped like the documented examples', async () => {
    const importOp = doc.paths['/api/v1/contacts/import'].post;
    const imported = await api('POST', '/api/v1/contacts/import', bodyExample(importOp));
    expect(imported.status).toBe(201);
    expect(Object.keys(imported.body).sort()).toEqual(Object.keys(successExample(importOp) as object).sort());
    expect(imported.body.created).toBe(1);

    const contacts = await api('GET', '/api/v1/consent-events');
    const contactId = contacts.body.events[0].contactId as string;
    const consentOp = doc.paths['/api/v1/contacts/{id}/consent'].post;
    const granted = await api('POST', `/api/v1/contacts/${contactId}/consent`, bodyExample(consentOp));
    expect(granted.status).toBe(201);
    expect(Object.keys(granted.body).sort()).toEqual(Object.keys(successExample(consentOp) as object).sort());

    const history = await api('GET', `/api/v1/contacts/${contactId}/consent`);
    expect(Object.keys(history.body).sort()).toEqual(Object.keys(successExample(doc.paths['/api/v1/contacts/{id}/consent'].get) as object).sort());
  });
});
