import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A plain reference page: no third-party UI bundle, so it works under the strict CSP and with no extra assets. */
function referencePage(document: OpenAPIObject): string {
  const rows = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td></tr>`),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title></head>
<body><h1>${escapeHtml(document.info.title)}</h1><p>${escapeHtml(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a> (OpenAPI ${escapeHtml(document.openapi)}).</p>
<table><thead><tr><th>method</th><th>path</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}

/** OpenAPI for the admin API, generated from the controllers: a reference at /api/docs, JSON at /api/docs/openapi.json. */
export function serveOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Parley admin API')
    .setDescription('Send Authorization: Bearer <key>; create keys with parley apikey create --role admin|marketer|sales|readonly.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key from parley apikey create' })
    .addSecurityRequirements('bearer')
    .build();
  let document: OpenAPIObject | undefined;
  const build = () => {
    if (!document) {
      document = SwaggerModule.createDocument(app, config);
      document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith('/api/v1')));
    }
    return document;
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/api/docs/openapi.json', async () => build());
  fastify.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(referencePage(build())));
}
