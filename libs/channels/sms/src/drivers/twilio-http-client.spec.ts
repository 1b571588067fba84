import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeForm, KeepAliveRequestClient } from './twilio-http-client';

describe('encodeForm', () => {
  it('repeats keys for arrays and leaves undefined out, as the SDK does', () => {
    expect(encodeForm({ To: '+15551234567', MediaUrl: ['https://a/1.png', 'https://a/2.png'], Body: 'hi & bye', Skip: undefined })).toBe(
      'To=%2B15551234567&MediaUrl=https%3A%2F%2Fa%2F1.png&MediaUrl=https%3A%2F%2Fa%2F2.png&Body=hi+%26+bye',
    );
    expect(encodeForm(undefined)).toBe('');
  });
});

describe('KeepAliveRequestClient', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; url?: string; auth?: string; body: string; remotePort?: number }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body, remotePort: req.socket.remotePort });
        res.writeHead(req.url?.startsWith('/fail') ? 400 : 201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sid: 'SM1', code: 21211 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends Basic auth and the form to the rewritten URL, reusing one connection, and resolves any status', async () => {
    const client = new KeepAliveRequestClient((uri) => uri.replace('https://api.twilio.com', base));
    const opts = {
      method: 'post' as const,
      uri: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json',
      username: 'AC1',
      password: 'secret',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: { To: '+15551234567', Body: 'hello' },
    };
    const first = await client.request(opts);
    const second = await client.request(opts);
    expect(first.statusCode).toBe(201);
    expect(JSON.parse(first.body as unknown as string)).toEqual({ sid: 'SM1', code: 21211 });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/2010-04-01/Accounts/AC1/Messages.json', auth: `Basic ${Buffer.from('AC1:secret').toString('base64')}`, body: 'To=%2B15551234567&Body=hello' });
    expect(second.statusCode).toBe(201);
    expect(seen[1].remotePort).toBe(seen[0].remotePort);
    const failed = await client.request({ ...opts, uri: 'https://api.twilio.com/fail', params: { PageSize: 5 } });
    expect(failed.statusCode).toBe(400);
    expect(seen[2].url).toBe('/fail?PageSize=5');
  });

  it('rejects with the network error code when nothing listens', async () => {
    const client = new KeepAliveRequestClient(() => 'http://127.0.0.1:1/x');
    await expect(client.request({ method: 'get', uri: 'https://api.twilio.com/x' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
