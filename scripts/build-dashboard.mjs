import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the dashboard (Preact + TSX) into content-hashed files under dist/dashboard/assets and writes the
 * index.html that loads them: the server caches the assets for a year and revalidates the page.
 */
export async function buildDashboard(root) {
  const entry = join(root, 'apps/dashboard/src/main.tsx');
  if (!existsSync(entry)) return;
  const out = join(root, 'dist/dashboard');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  const result = await build({
    entryPoints: [entry],
    outdir: join(out, 'assets'),
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    metafile: true,
    sourcemap: false,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
  const script = outputs.find((f) => f.endsWith('.js'));
  const style = outputs.find((f) => f.endsWith('.css'));
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley dashboard</title>
${style ? `<link rel="stylesheet" href="/dashboard/assets/${style}">` : ''}
<script type="module" src="/dashboard/assets/${script}"></script>
</head>
<body>
<div id="app"></div>
</body>
</html>
`,
  );
}
