import { io, type Socket } from 'socket.io-client';
import { percentile } from '../support/process-stats';

export interface LoadResult {
  visitors: number;
  turns: number;
  seconds: number;
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const SCRIPT = ['Jane Doe', 'jane@acme.io', 'about 250 people'];

function connect(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/webchat`, { transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** One visitor in a closed loop: send, wait for the reply, send the next line of the flow (then free text). */
async function visitor(
  socket: Socket,
  greeting: boolean,
  until: () => boolean,
  latencies: number[],
  measuring: () => boolean,
  intervalMs: number,
): Promise<number> {
  let replied: (() => void) | undefined;
  let greetedResolve: () => void = () => undefined;
  const greeted = new Promise<void>((r) => (greetedResolve = r));
  socket.on('message', (m: { text: string }) => (/your name\?/.test(m.text) ? greetedResolve() : replied?.()));
  await socket.emitWithAck('hello', {});
  if (greeting) await greeted;
  // Paced visitors start at a random point of their interval, as real visitors do, not in lockstep bursts.
  if (intervalMs > 0) await new Promise((r) => setTimeout(r, Math.random() * intervalMs));
  let turns = 0;
  for (let i = 0; !until(); i++) {
    const text = SCRIPT[i] ?? `question number ${i}`;
    const reply = new Promise<void>((r) => (replied = r));
    const sent = performance.now();
    const ack = socket.timeout(10_000).emitWithAck('message', { text, clientMessageId: `c${i}` }).then((r) => {
      if (r?.error) throw new Error(`server refused a message: ${JSON.stringify(r.error)}`);
    });
    await Promise.all([reply, ack]);
    if (measuring()) {
      latencies.push(performance.now() - sent);
      turns++;
    }
    const pause = sent + intervalMs - performance.now();
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
  }
  return turns;
}

/** `url` may list several instances: visitors are spread over them in turn, as a load balancer would. */
export async function runLoad(
  url: string | string[],
  options: { visitors: number; warmupMs: number; measureMs: number; greeting: boolean; intervalMs?: number },
): Promise<LoadResult> {
  const { visitors, warmupMs, measureMs, greeting, intervalMs = 0 } = options;
  const urls = Array.isArray(url) ? url : [url];
  const sockets: Socket[] = [];
  for (let i = 0; i < visitors; i += 50) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, visitors - i) }, (_, j) => connect(urls[(i + j) % urls.length])))));
  }
  const latencies: number[] = [];
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const measureTo = measureFrom + measureMs;
  const loops = sockets.map((s) =>
    visitor(s, greeting, () => performance.now() >= measureTo, latencies, () => {
      const now = performance.now();
      return now >= measureFrom && now < measureTo;
    }, intervalMs),
  );
  const turns = (await Promise.all(loops)).reduce((a, b) => a + b, 0);
  sockets.forEach((s) => s.close());
  latencies.sort((a, b) => a - b);
  return {
    visitors,
    turns,
    seconds: measureMs / 1000,
    messagesPerSecond: turns / (measureMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** Connects `count` visitors that say hello and then stay idle; returns a closer. */
export async function connectIdle(url: string, count: number): Promise<() => void> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => connect(url)));
    await Promise.all(batch.map((s) => s.emitWithAck('hello', {})));
    sockets.push(...batch);
  }
  return () => sockets.forEach((s) => s.close());
}
