import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cpuMicros, rssMegabytes } from '../support/process-stats';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';
import { connectIdle, runLoad, type LoadResult } from './load';

const root = resolve(__dirname, '../../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const VISITORS = arg('visitors', 200);
const MEASURE_MS = arg('seconds', 10) * 1000;
const WARMUP_MS = arg('warmup', 3) * 1000;
const IDLE = arg('idle', 1000);

function parleyEnv(dataDir: string): Record<string, string> {
  return {
    DATABASE_URL: `sqlite:${join(dataDir, 'bench.sqlite')}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    FLOWS_DIR: join(root, 'flows'),
    // A closed-loop load sends far faster than a person types; the per-visitor flood limit would throttle it.
    WEBCHAT_FLOOD_MESSAGES: '1000000',
  };
}

/** Each visitor sends one message per PACE_MS in the paced phase: a steady load below saturation, for latency. */
const PACE_MS = arg('pace', 100);

async function measured(server: SpawnedServer, greeting: boolean, intervalMs = 0): Promise<LoadResult & { cpuUsPerTurn: number }> {
  const before = cpuMicros(server.child.pid!);
  const result = await runLoad(server.url, { visitors: VISITORS, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, greeting, intervalMs });
  const cpu = cpuMicros(server.child.pid!) - before;
  const totalTurns = result.messagesPerSecond * ((WARMUP_MS + MEASURE_MS) / 1000);
  return { ...result, cpuUsPerTurn: cpu / totalTurns };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    const echo = await spawnServer(process.execPath, [join(__dirname, 'echo-server.js')], 3901, {}, root);
    const bare = await measured(echo, false);
    const barePaced = await measured(echo, false, PACE_MS);
    await echo.stop();

    const parley = await spawnServer(process.execPath, [join(root, 'dist/apps/server/src/main.js')], 3902, parleyEnv(dataDir), root);
    const full = await measured(parley, true);
    await parley.stop();
    const pacedServer = await spawnServer(process.execPath, [join(root, 'dist/apps/server/src/main.js')], 3905, parleyEnv(join(dataDir, 'paced')), root);
    const paced = await measured(pacedServer, true, PACE_MS);
    await pacedServer.stop();

    const idleServer = await spawnServer(process.execPath, [join(root, 'dist/apps/server/src/main.js')], 3903, parleyEnv(join(dataDir, 'idle')), root);
    const baselineRss = rssMegabytes(idleServer.child.pid!);
    const closeIdle = await connectIdle(idleServer.url, IDLE);
    await new Promise((r) => setTimeout(r, 1000));
    const idleRss = rssMegabytes(idleServer.child.pid!);
    closeIdle();
    await idleServer.stop();

    const npmStart = await spawnServer('npm', ['start', '--silent'], 3904, parleyEnv(join(dataDir, 'start')), root);
    await npmStart.stop();

    const report = {
      visitors: VISITORS,
      seconds: MEASURE_MS / 1000,
      bareEcho: bare,
      parley: full,
      paceMs: PACE_MS,
      bareEchoPaced: barePaced,
      parleyPaced: paced,
      throughputRatio: full.messagesPerSecond / bare.messagesPerSecond,
      rssAtStartMb: baselineRss,
      rssWithIdleVisitorsMb: idleRss,
      idleVisitors: IDLE,
      npmStartToHealthyMs: npmStart.startMs,
    };
    const row = (name: string, r: LoadResult & { cpuUsPerTurn: number }) =>
      `${name.padEnd(22)} ${r.messagesPerSecond.toFixed(0).padStart(8)} msg/s   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   server CPU ${r.cpuUsPerTurn.toFixed(0).padStart(5)} µs/turn`;
    console.log(`web chat, ${VISITORS} concurrent visitors, ${MEASURE_MS / 1000} s measured after ${WARMUP_MS / 1000} s warm-up`);
    console.log('closed loop (each visitor sends as soon as the previous reply arrives): saturation throughput');
    console.log(row('bare socket.io echo', bare));
    console.log(row('parley full turn', full));
    console.log(`paced: each visitor sends one message every ${PACE_MS} ms (offered ${((VISITORS * 1000) / PACE_MS).toFixed(0)} msg/s)`);
    console.log(row('bare socket.io echo', barePaced));
    console.log(row('parley full turn', paced));
    console.log(`throughput ratio parley/echo: ${(report.throughputRatio * 100).toFixed(1)}% (target >= 20%)`);
    console.log(`RSS: ${baselineRss.toFixed(0)} MB at start, ${idleRss.toFixed(0)} MB with ${IDLE} idle visitors (target <= 300 MB)`);
    console.log(`npm start -> healthy /health: ${npmStart.startMs} ms (target <= 5000 ms)`);
    console.log(JSON.stringify(report));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
