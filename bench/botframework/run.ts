import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cpuMicros } from '../support/process-stats';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';
import { runBotLoad, type BotLoadResult } from './load';

const root = resolve(__dirname, '../../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const USERS = arg('users', 50);
const MEASURE_MS = arg('seconds', 10) * 1000;
const WARMUP_MS = arg('warmup', 3) * 1000;

async function measured(server: SpawnedServer): Promise<BotLoadResult & { cpuUsPerTurn: number }> {
  const before = cpuMicros(server.child.pid!);
  const result = await runBotLoad(server.url, { users: USERS, warmupMs: WARMUP_MS, measureMs: MEASURE_MS });
  const cpu = cpuMicros(server.child.pid!) - before;
  // CPU over warm-up + measurement, spread over the turns of both (same rate assumed).
  return { ...result, cpuUsPerTurn: cpu / (result.turnsPerSecond * ((WARMUP_MS + MEASURE_MS) / 1000)) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-bf-'));
  try {
    const echo = await spawnServer(process.execPath, [join(__dirname, 'echo-bot.js')], 3911, {}, root);
    const bare = await measured(echo);
    await echo.stop();
    const env = {
      DATABASE_URL: `sqlite:${join(dataDir, 'bench.sqlite')}`,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
      FLOWS_DIR: join(root, 'flows'),
      BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: 'true',
    };
    const parley = await spawnServer(process.execPath, [join(root, 'dist/apps/server/src/main.js')], 3912, env, root);
    const full = await measured(parley);
    await parley.stop();

    const row = (name: string, r: BotLoadResult & { cpuUsPerTurn: number }) =>
      `${name.padEnd(26)} ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s   p50 ${r.p50Ms.toFixed(2).padStart(7)} ms   p99 ${r.p99Ms.toFixed(2).padStart(7)} ms   server CPU ${r.cpuUsPerTurn.toFixed(0).padStart(5)} µs/turn`;
    console.log(`Bot Framework /api/messages, ${USERS} users in a closed loop, ${MEASURE_MS / 1000} s measured after ${WARMUP_MS / 1000} s warm-up`);
    console.log(row('bare node:http echo bot', bare));
    console.log(row('parley (CloudAdapter)', full));
    console.log(`throughput ratio parley/echo: ${((full.turnsPerSecond / bare.turnsPerSecond) * 100).toFixed(1)}%`);
    console.log(JSON.stringify({ users: USERS, seconds: MEASURE_MS / 1000, bare, parley: full }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
