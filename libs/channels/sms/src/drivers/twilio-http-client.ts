import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

/** Sends in flight to Twilio at once; more wait for a free connection instead of opening new ones. */
const MAX_SOCKETS = 16;
const DEFAULT_TIMEOUT_MS = 10_000;

/** Form-encodes as the SDK does (qs, arrayFormat "repeat"): repeated keys for arrays, undefined left out. */
export function encodeForm(data: unknown): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(data && typeof data === 'object' ? data : {})) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) form.append(key, item === null ? '' : String(item));
  }
  return form.toString();
}

/**
 * The SDK's httpClient on node's http(s) with keep-alive agents: the SDK's axios client opened a connection per
 * send to a plain-http TWILIO_API_URL and cost ~10% of an SMS turn's CPU. Same contract as the SDK's
 * RequestClient.request: Basic auth, form (or JSON) body, any status resolved as {statusCode, body, headers}.
 */
export class KeepAliveRequestClient extends twilio.RequestClient {
  private readonly agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
  };

  constructor(
    private readonly rewrite: (uri: string) => string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    super({ timeout: timeoutMs });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const url = new URL(this.rewrite(opts.uri));
    if (opts.params) url.search = encodeForm(opts.params);
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (opts.username && opts.password) headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
    const contentType = headers['Content-Type'];
    const body =
      opts.data === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(opts.data) : contentType === 'application/x-www-form-urlencoded' ? encodeForm(opts.data) : undefined;
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const agent = this.agents[url.protocol as 'http:' | 'https:'];
    return new Promise((resolve, reject) => {
      const req = send(url, { method: opts.method.toUpperCase(), headers, agent, timeout: opts.timeout ?? this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') as TData, headers: res.headers }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error(`Twilio API timed out after ${opts.timeout ?? this.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end(body);
    });
  }
}
