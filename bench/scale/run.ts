import { createTempPostgres, FakeTwilio, type TempDatabase } from '@parley/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import twilio from 'twilio';
import IORedis from 'ioredis';
import { freePort } from '@parley/testing';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';
import { runLoad, type LoadResult } from '../webchat/load';
import { httpLoad, type HttpLoadResult, type PreparedRequest } from './http-load';

const root = resolve(__dirname, '../../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const VISITORS = arg('visitors', 200);
const MEASURE_MS = arg('seconds', 8) * 1000;
const WARMUP_MS = arg('warmup', 2) * 1000;
const LATENCY_VISITORS = arg('latency-visitors', 500);
/** In the latency run each visitor sends one message per PACE_MS: people read and type between messages. */
const PACE_MS = arg('pace', 3000);
const SMS_CONCURRENCY = arg('sms-concurrency', 32);
/** `--only sms` runs just the SMS webhook part (bare route vs Parley; `--rounds N` repeats it), for quick profiling rounds. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
/** `--cpu-prof DIR` writes a V8 CPU profile of the Parley SMS server into DIR. */
const CPU_PROF_DIR = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : undefined;
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const TWILIO_AUTH = { accountSid: `AC${'0'.repeat(32)}`, authToken: 'bench-auth-token-0123456789abcdef' };
const PUBLIC_BASE_URL = 'https://parley.example.com';

const parleyMain = join(root, 'dist/apps/server/src/main.js');
const common = {
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  FLOWS_DIR: join(root, 'flows'),
  // closed-loop load sends far faster than people do: neither the flood guard nor the webhook rate limit may throttle it
  WEBCHAT_FLOOD_MESSAGES: '1000000',
  RATE_LIMIT_WEBHOOK_PER_IP: '100000000',
};

async function parley(env: Record<string, string>, nodeFlags: string[] = []): Promise<SpawnedServer> {
  return spawnServer(process.execPath, [...nodeFlags, parleyMain], await freePort(), { ...common, ...env }, root);
}

async function webchat(urls: string[], intervalMs = 0, visitors = VISITORS): Promise<LoadResult> {
  return runLoad(urls, { visitors, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, greeting: true, intervalMs });
}

/** Signed Twilio SMS webhooks, each a new MessageSid, from 1000 phones (each phone's messages are handled in order). */
function smsRequests(): () => PreparedRequest {
  let n = 0;
  return () => {
    n++;
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const params = { MessageSid: sid, SmsSid: sid, AccountSid: TWILIO_AUTH.accountSid, From: `+1415555${String(n % 1000).padStart(4, '0')}`, To: '+15005550006', Body: `message ${n}`, NumMedia: '0' };
    const signature = twilio.getExpectedTwilioSignature(TWILIO_AUTH.authToken, `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, params);
    return { path: '/webhooks/twilio/sms', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() };
  };
}

async function sms(url: string): Promise<HttpLoadResult> {
  return httpLoad(url, smsRequests(), { concurrency: SMS_CONCURRENCY, warmupMs: WARMUP_MS, measureMs: MEASURE_MS });
}

/** The bare NestJS route, then Parley on SQLite with the fake Twilio REST API, under the same signed SMS load. */
async function smsComparison(fakeTwilio: FakeTwilio, dataDir: string, name = 'sms'): Promise<{ bare: HttpLoadResult; parley: HttpLoadResult; repliesSentToTwilio: number }> {
  const bare = await spawnServer(process.execPath, [join(__dirname, 'bare-sms-server.js')], await freePort(), {}, root);
  const bareSms = await sms(bare.url);
  await bare.stop();
  if (!fakeTwilio.url) await fakeTwilio.start();
  const sentBefore = fakeTwilio.sent.length;
  const smsServer = await parley(
    {
      DATABASE_URL: `sqlite:${join(dataDir, `${name}.sqlite`)}`,
      TWILIO_ACCOUNT_SID: TWILIO_AUTH.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO_AUTH.authToken,
      TWILIO_FROM: '+15005550006',
      TWILIO_API_URL: fakeTwilio.url,
      PUBLIC_BASE_URL,
    },
    CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', resolve(CPU_PROF_DIR)] : [],
  );
  const parleySms = await sms(smsServer.url);
  await smsServer.stop();
  return { bare: bareSms, parley: parleySms, repliesSentToTwilio: fakeTwilio.sent.length - sentBefore };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const smsLine = ({ bare, parley: p }: { bare: HttpLoadResult; parley: HttpLoadResult }) =>
  `SMS webhook, ${SMS_CONCURRENCY} concurrent senders: bare NestJS route ${bare.requestsPerSecond.toFixed(0)} req/s, Parley ${p.requestsPerSecond.toFixed(0)} req/s (p99 ${p.p99Ms.toFixed(1)} ms, ${p.errors} errors) = ${pct(p.requestsPerSecond / bare.requestsPerSecond)} (target >= 30%)`;

async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-scale-'));
  const prefix = `parley-bench-${randomBytes(4).toString('hex')}`;
  const databases: TempDatabase[] = [];
  const fakeTwilio = new FakeTwilio(TWILIO_AUTH);
  const load = loadavg()[0];
  try {
    const pgEnv = async (name: string) => {
      const db = await createTempPostgres(PG_URL);
      databases.push(db);
      return { DATABASE_URL: db.url, REDIS_URL, JOBS_QUEUE_PREFIX: `${prefix}-${name}`, WEBCHAT_REDIS_KEY: `${prefix}-${name}-io` };
    };

    if (ONLY === 'sms') {
      // The shared machine's load swings between runs: several rounds, each bare then Parley, and the median ratio.
      const rounds: { smsOverBareRoute: number; sms: Awaited<ReturnType<typeof smsComparison>> }[] = [];
      for (let round = 0; round < arg('rounds', 1); round++) {
        const result = await smsComparison(fakeTwilio, dataDir, `sms-${round}`);
        console.log(smsLine(result));
        rounds.push({ smsOverBareRoute: result.parley.requestsPerSecond / result.bare.requestsPerSecond, sms: result });
      }
      const ratios = rounds.map((r) => r.smsOverBareRoute).sort((a, b) => a - b);
      if (rounds.length > 1) console.log(`median ratio over ${rounds.length} rounds: ${pct(ratios[Math.floor(ratios.length / 2)])} (${ratios.map(pct).join(', ')})`);
      console.log(JSON.stringify({ cores: cpus().length, loadAverageAtStart: load, rounds }));
      return;
    }

    const sqlite = await parley({ DATABASE_URL: `sqlite:${join(dataDir, 'webchat.sqlite')}` });
    const sqliteResult = await webchat([sqlite.url]);
    await sqlite.stop();

    const pgOne = await parley(await pgEnv('one'));
    const pgOneResult = await webchat([pgOne.url]);
    await pgOne.stop();

    const twoEnv = await pgEnv('two');
    const pgTwo = await Promise.all([parley(twoEnv), parley(twoEnv)]);
    const pgTwoResult = await webchat(pgTwo.map((s) => s.url));
    await Promise.all(pgTwo.map((s) => s.stop()));

    const { bare: bareSms, parley: parleySms, repliesSentToTwilio } = await smsComparison(fakeTwilio, dataDir);

    const latencyServer = await parley({ DATABASE_URL: `sqlite:${join(dataDir, 'latency.sqlite')}` });
    const latency = await webchat([latencyServer.url], PACE_MS, LATENCY_VISITORS);
    await latencyServer.stop();

    const report = {
      cores: cpus().length,
      loadAverageAtStart: load,
      visitors: VISITORS,
      seconds: MEASURE_MS / 1000,
      webchat: { sqliteOne: sqliteResult, postgresOne: pgOneResult, postgresTwo: pgTwoResult },
      ratios: {
        postgresTwoOverOne: pgTwoResult.messagesPerSecond / pgOneResult.messagesPerSecond,
        postgresOneOverSqlite: pgOneResult.messagesPerSecond / sqliteResult.messagesPerSecond,
        postgresTwoOverSqlite: pgTwoResult.messagesPerSecond / sqliteResult.messagesPerSecond,
        smsOverBareRoute: parleySms.requestsPerSecond / bareSms.requestsPerSecond,
      },
      sms: { concurrency: SMS_CONCURRENCY, bareNestRoute: bareSms, parley: parleySms, repliesSentToTwilio },
      latency: { visitors: LATENCY_VISITORS, paceMs: PACE_MS, offeredPerSecond: (LATENCY_VISITORS * 1000) / PACE_MS, result: latency },
    };
    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(30)} ${r.messagesPerSecond.toFixed(0).padStart(6)} msg/s   p50 ${r.p50Ms.toFixed(1).padStart(7)} ms   p99 ${r.p99Ms.toFixed(1).padStart(7)} ms`;
    console.log(`scale bench on ${report.cores} cores (load average ${load.toFixed(1)} at start): load generator, servers, PostgreSQL and Redis share them`);
    console.log(`web chat, closed loop, ${VISITORS} visitors, ${MEASURE_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up`);
    console.log(row('SQLite, 1 instance', sqliteResult));
    console.log(row('PostgreSQL + Redis, 1 instance', pgOneResult));
    console.log(row('PostgreSQL + Redis, 2 instances', pgTwoResult));
    console.log(`ratios: 2/1 instances on PG ${pct(report.ratios.postgresTwoOverOne)}, PG 1 / SQLite ${pct(report.ratios.postgresOneOverSqlite)}, PG 2 / SQLite ${pct(report.ratios.postgresTwoOverSqlite)}`);
    console.log(smsLine({ bare: bareSms, parley: parleySms }));
    console.log(`web chat latency, ${LATENCY_VISITORS} visitors on 1 instance (SQLite), one message each per ${PACE_MS} ms (${report.latency.offeredPerSecond.toFixed(0)} msg/s offered): p50 ${latency.p50Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms (target < 100 ms)`);
    console.log(JSON.stringify(report));
  } finally {
    await fakeTwilio.stop();
    await Promise.all(databases.map((d) => d.drop()));
    await dropRedisKeys(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
