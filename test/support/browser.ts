import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ROOT = join(__dirname, '../..');
export const ARTIFACTS_DIR = join(ROOT, 'test/artifacts');

/** Throws instead of skipping: CI installs Chromium, so a missing binary is a broken machine, not a pass. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}; install it (apt-get install -y chromium) to run the browser e2e specs.`);
  }
}

export function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Rebuilds dist/widget/widget.js so /widget.js is never a stale bundle (a child process: the script is ESM). */
export function buildWidget(): void {
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "const { buildWidget } = await import('./scripts/build-widget.mjs'); await buildWidget(process.cwd());"],
    { cwd: ROOT, stdio: 'pipe', timeout: 20_000 },
  );
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
