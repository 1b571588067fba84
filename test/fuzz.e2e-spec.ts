import fc from 'fast-check';
import twilio from 'twilio';
import { FakeTwilio } from '@parley/testing';
import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { DATABASE } from '../apps/server/src/tokens';
import { listAdminRoutes } from './support/admin-routes';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';
import { garbageParams, malformedRequest, type RawRequest } from './support/fuzz-bodies';
import { TWILIO, twilioEnv } from './support/sms-peer';

const WEBHOOKS = ['/webhooks/twilio/sms', '/webhooks/twilio/status'];
const UNLIMITED = { RATE_LIMIT_API_PER_KEY: '1000000', RATE_LIMIT_API_PER_IP: '1000000', RATE_LIMIT_WEBHOOK_PER_IP: '1000000', WEBCHAT_FLOOD_MESSAGES: '1000000' };

describe('fuzz: malformed input never yields a 5xx, a crash or stored garbage', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let running: RunningApp;
  let sql: SqlDatabase;
  let adminKey: string;
  const statuses = new Map<number, number>();

  const send = async (method: string, path: string, request: RawRequest, headers: Record<string, string> = {}) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }), ...headers },
      body: method === 'GET' || method === 'HEAD' ? undefined : request.body,
    });
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return response.status;
  };
  const messages = async (direction: 'in' | 'out' | 'any' = 'any') =>
    Number((await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM messages ${direction === 'any' ? '' : 'WHERE direction = ?'}`, direction === 'any' ? [] : [direction]))!.n);
  const healthy = async () => expect((await fetch(`${running.url}/health`)).status).toBe(200);
  const signedPost = (path: string, params: Record<string, string>) =>
    send('POST', path, { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(params).toString() }, {
      'x-twilio-signature': twilio.getExpectedTwilioSignature(TWILIO.authToken, `${TWILIO.publicBaseUrl}${path}`, params),
    });

  beforeAll(async () => {
    const { url } = await fake.start();
    running = await startApp({ ...twilioEnv(url), ...UNLIMITED });
    sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    adminKey = (await new SqlApiKeys(sql).create('fuzz', 'admin', new Date())).key;
  });
  afterAll(async () => {
    await running?.close();
    await fake.stop();
    console.log(`fuzz status counts: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  });

  it('webhooks: unsigned malformed bodies are refused without a 5xx and store nothing', async () => {
    const before = await messages();
    for (const path of WEBHOOKS) {
      await fc.assert(
        fc.asyncProperty(malformedRequest, async (request) => {
          const status = await send('POST', path, request);
          expect(status).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        }),
        { numRuns: 250 },
      );
    }
    expect(await messages()).toBe(before);
    await healthy();
  }, 60_000);

  it('webhooks: validly signed garbage parameters are answered without a 5xx and store nothing', async () => {
    const before = await messages();
    for (const path of WEBHOOKS) {
      await fc.assert(
        fc.asyncProperty(garbageParams, async (params) => {
          expect(await signedPost(path, params)).toBeLessThan(500);
        }),
        { numRuns: 200 },
      );
    }
    expect(await messages()).toBe(before);
    await healthy();
  }, 60_000);

  it('webhooks: signed inbound texts with garbage values store exactly one message per accepted request', async () => {
    const before = await messages('in');
    let accepted = 0;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(garbageParams, fc.string({ minLength: 1, maxLength: 40 }), async (params, from) => {
        const status = await signedPost(WEBHOOKS[0], { ...params, MessageSid: `SMfuzz${++n}`, From: from });
        expect(status).toBeLessThan(500);
        if (status === 200) accepted++;
      }),
      { numRuns: 120 },
    );
    expect(accepted).toBeGreaterThan(80);
    expect(await messages('in')).toBe(before + accepted);
    await healthy();
  }, 60_000);

  it('admin API: every route, with an admin key, answers malformed params, queries and bodies without a 5xx', async () => {
    const routes = listAdminRoutes(running);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const before = await messages();
    const segment = fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }), fc.constantFrom('..', '%00', '%ff', 'x'.repeat(5000)));
    const query = fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('-1', '1e309', 'true', '[]')), { maxKeys: 4 });
    for (const route of routes) {
      // Retraining is slow by nature; a few malformed calls prove the point for it.
      const numRuns = route.path.endsWith('/retrain') ? 5 : 60;
      await fc.assert(
        fc.asyncProperty(segment, query, malformedRequest, async (id, q, request) => {
          const path = route.path.replace(/:\w+/g, encodeURIComponent(id));
          const search = new URLSearchParams(q).toString();
          const status = await send(route.method, `${path}${search ? `?${search}` : ''}`, request, { authorization: `Bearer ${adminKey}` });
          expect({ route: `${route.method} ${route.path}`, status: status < 500 }).toEqual({ route: `${route.method} ${route.path}`, status: true });
        }),
        { numRuns },
      );
    }
    expect(await messages()).toBe(before);
    await healthy();
  }, 60_000);

  it('web chat: random hello and message payloads get an ack, keep the socket, and store only acked messages', async () => {
    const before = await messages('in');
    let stored = 0;
    const client = new ChatClient(running.url);
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('hello', 'message'), fc.anything({ maxDepth: 4, withNullPrototype: true }), async (event, payload) => {
          const ack = (await client.emitRaw(event, payload)) as { id?: string; duplicate?: boolean; error?: unknown } | undefined;
          expect(ack).toEqual(expect.any(Object));
          if (event === 'message' && ack?.id && ack.duplicate === false) stored++;
          expect(client.socket.connected).toBe(true);
        }),
        { numRuns: 600 },
      );
      await client.hello();
      await fc.assert(
        fc.asyncProperty(fc.record({ text: fc.anything(), clientMessageId: fc.oneof(fc.string({ maxLength: 300 }), fc.anything()), payload: fc.anything() }, { requiredKeys: [] }), async (payload) => {
          const ack = (await client.emitRaw('message', payload)) as { id?: string; duplicate?: boolean };
          if (ack.id && ack.duplicate === false) stored++;
        }),
        { numRuns: 400 },
      );
      expect(client.socket.connected).toBe(true);
    } finally {
      client.close();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await messages('in')).toBe(before + stored);
    await healthy();
  }, 60_000);
});
