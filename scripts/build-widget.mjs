import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the embeddable web chat widget into one minified script served at /widget.js. */
export async function buildWidget(root) {
  const entry = join(root, 'libs/channels/webchat/widget/widget.ts');
  if (!existsSync(entry)) return;
  await build({
    entryPoints: [entry],
    outfile: join(root, 'dist/widget/widget.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    sourcemap: false,
    logLevel: 'warning',
  });
}
