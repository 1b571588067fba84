import { spawn, type ChildProcess } from 'node:child_process';

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  startMs: number;
  stop(): Promise<void>;
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url}/health not healthy within ${timeoutMs} ms`);
}

/** Starts a command and resolves once GET /health answers 200; reports how long that took. */
export async function spawnServer(
  command: string,
  args: string[],
  port: number,
  env: Record<string, string>,
  cwd: string,
): Promise<SpawnedServer> {
  const started = Date.now();
  // Its own process group, so stopping `npm start` also stops the node server npm started.
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, 30_000);
  return {
    child,
    url,
    startMs: Date.now() - started,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}
