import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';

/** CSP hashes of the demo page's inline scripts, so it needs no 'unsafe-inline' for scripts. */
function demoScriptHashes(): string[] {
  let html = '';
  try {
    html = readFileSync(join(projectRoot(), 'libs/channels/webchat/demo/index.html'), 'utf8');
  } catch {
    return [];
  }
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
}

/**
 * Helmet's headers with a CSP the demo page and the widget live under: scripts from us only, inline styles
 * (the demo's <style>, the widget's constructed stylesheets), and the widget's websocket back to this origin.
 * No upgrade-insecure-requests: a plain-http local run must still load /widget.js.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...demoScriptHashes()],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The widget is embedded on customers' sites: its script must be loadable cross-origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}
