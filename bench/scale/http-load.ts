import { Agent, request } from 'node:http';
import { percentile } from '../support/process-stats';

export interface HttpLoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

function post(agent: Agent, url: URL, prepared: PreparedRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method: 'POST', path: prepared.path, headers: { ...prepared.headers, 'content-length': Buffer.byteLength(prepared.body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(prepared.body);
  });
}

/** Closed-loop HTTP load over keep-alive connections: `concurrency` clients, each posting the next prepared request when the last is answered. */
export async function httpLoad(
  baseUrl: string,
  next: () => PreparedRequest,
  options: { concurrency: number; warmupMs: number; measureMs: number },
): Promise<HttpLoadResult> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const measureTo = measureFrom + options.measureMs;
  const latencies: number[] = [];
  let errors = 0;
  const client = async () => {
    while (performance.now() < measureTo) {
      const sent = performance.now();
      const status = await post(agent, url, next()).catch(() => 0);
      const now = performance.now();
      if (sent < measureFrom || now >= measureTo) continue;
      if (status === 200) latencies.push(now - sent);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: latencies.length / (options.measureMs / 1000), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors };
}
