import { ChatClient } from './support/chat-client';
import { startApp, type RunningApp } from './support/app';

const PROMPT = { name: /what's your name/i, email: /work email/i, size: /how many people/i };

async function completeFlow(client: ChatClient, name: string, size: string): Promise<string> {
  await client.nextText(PROMPT.name);
  await client.send(name);
  await client.nextText(PROMPT.email);
  await client.send(`${name.toLowerCase()}@example.com`);
  await client.nextText(PROMPT.size);
  await client.send(size);
  return (await client.nextText(/^Thanks, /)).text;
}

describe('web chat end to end', () => {
  let running: RunningApp;
  const clients: ChatClient[] = [];
  const connect = () => {
    const client = new ChatClient(running.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    running = await startApp();
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => running?.close());

  it('runs the lead-qualification flow, rejects a bad email, and resumes with history after a reconnect', async () => {
    const visitor = connect();
    const hello = await visitor.hello({ page: { url: 'http://localhost/pricing', title: 'Pricing' } });
    expect(hello.history).toEqual([]);
    await visitor.nextText(/^Hi! I'm Parley/);
    await visitor.nextText(PROMPT.name);

    expect(await visitor.send('Jane')).toEqual({ id: expect.any(String), duplicate: false });
    await visitor.nextText(/Nice to meet you, Jane! What's your work email\?/);
    await visitor.send('jane at acme');
    expect((await visitor.next()).text).toMatch(/doesn't look like an email address/);
    await visitor.send('sure, it is jane@acme.io.');
    const sizeQuestion = await visitor.nextText(PROMPT.size);
    expect(sizeQuestion.quickReplies?.map((q) => q.payload)).toEqual(['smb', 'midmarket', 'enterprise']);
    await visitor.send('about 2500 people');
    const thanks = await visitor.nextText(/^Thanks, Jane!/);
    expect(thanks.text).toContain('enterprise');
    expect(thanks.text).toContain('jane@acme.io');
    const seen = visitor.received.map((m) => m.id);
    visitor.close();

    const back = connect();
    const resumed = await back.hello({ visitorId: hello.visitorId });
    expect(resumed.visitorId).toBe(hello.visitorId);
    expect(resumed.conversationId).toBe(hello.conversationId);
    const transcript = resumed.history.map((m) => `${m.from}: ${m.text}`);
    expect(transcript.filter((line) => line.startsWith('visitor:'))).toEqual([
      'visitor: Jane',
      'visitor: jane at acme',
      'visitor: sure, it is jane@acme.io.',
      'visitor: about 2500 people',
    ]);
    expect(resumed.history.filter((m) => m.from === 'bot').map((m) => m.id)).toEqual(seen);
    expect(transcript[transcript.length - 1]).toMatch(/^bot: Thanks, Jane!/);
  });

  it('answers a repeated clientMessageId once', async () => {
    const visitor = connect();
    await visitor.hello();
    await visitor.nextText(PROMPT.name);
    const first = await visitor.send('Ann', 'same-id');
    const second = await visitor.send('Ann', 'same-id');
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ id: first.id, duplicate: true });
    await visitor.nextText(PROMPT.email);
    await new Promise((r) => setTimeout(r, 300));
    expect(visitor.received.filter((m) => PROMPT.email.test(m.text))).toHaveLength(1);
    expect(visitor.received).toHaveLength(3);
  });

  it('gives 20 concurrent visitors their own correct, ordered replies', async () => {
    const sizes = ['12 of us', 'about 300 people', '5000+ employees, enterprise'];
    const expected = [/free trial today; we've sent the link to visitor(\d+)@example\.com/, /demo for your team/, /enterprise teams will email you at visitor(\d+)@example\.com/];
    const visitors = Array.from({ length: 20 }, () => connect());
    await Promise.all(visitors.map((v) => v.hello()));
    const endings = await Promise.all(visitors.map((v, i) => completeFlow(v, `Visitor${i}`, sizes[i % 3])));
    endings.forEach((text, i) => {
      expect(text).toContain(`Visitor${i}!`);
      const match = text.match(expected[i % 3]);
      expect(match).not.toBeNull();
      expect(match?.[1] ?? String(i)).toBe(String(i));
    });
    for (const [i, v] of visitors.entries()) {
      const texts = v.received.map((m) => m.text);
      expect(texts[0]).toMatch(/^Hi! I'm Parley/);
      expect(texts.findIndex((t) => PROMPT.name.test(t))).toBeLessThan(texts.findIndex((t) => PROMPT.email.test(t)));
      expect(texts.findIndex((t) => PROMPT.email.test(t))).toBeLessThan(texts.findIndex((t) => PROMPT.size.test(t)));
      expect(texts.every((t) => !/Visitor\d+/.test(t) || t.includes(`Visitor${i}`))).toBe(true);
    }
  });

  it('answers malformed payloads with error acks and stays up', async () => {
    const rogue = connect();
    expect(await rogue.emitRaw('message', { text: 'hi', clientMessageId: 'x' })).toEqual({
      error: { code: 'hello_required', message: expect.any(String) },
    });
    expect(await rogue.emitRaw('hello', { visitorId: 'bad id!' })).toMatchObject({ error: { code: 'bad_request' } });
    expect(await rogue.emitRaw('hello', 'not an object')).toMatchObject({ error: { code: 'bad_request' } });
    await rogue.hello();
    const cases: [unknown, string][] = [
      [{ text: 42, clientMessageId: 'a' }, 'bad_request'],
      [{ text: 'no id' }, 'bad_request'],
      [{ clientMessageId: 'b' }, 'empty_message'],
      [{ text: '   ', clientMessageId: 'c' }, 'empty_message'],
      [{ text: 'x'.repeat(4097), clientMessageId: 'd' }, 'too_long'],
      [{ text: 'é'.repeat(2049), clientMessageId: 'e' }, 'too_long'],
      [null, 'bad_request'],
      [[1, 2, 3], 'bad_request'],
      [{ text: 'hi', clientMessageId: 'f'.repeat(500) }, 'bad_request'],
    ];
    for (const [payload, code] of cases) {
      expect(await rogue.emitRaw('message', payload)).toMatchObject({ error: { code } });
    }
    rogue.socket.emit('message', { text: 'no ack callback', clientMessageId: 'g' });
    rogue.socket.emit('unknown-event', { anything: true });

    const results = [];
    for (let i = 0; i < 24; i++) results.push(await rogue.send(`flood ${i}`, `flood-${i}`));
    const limited = results.filter((r) => 'error' in (r as object));
    expect(limited.length).toBeGreaterThanOrEqual(4);
    expect(limited[0]).toMatchObject({ error: { code: 'rate_limited' } });

    const healthy = connect();
    await healthy.hello();
    await healthy.nextText(PROMPT.name);
    await healthy.send('Still Works');
    await healthy.nextText(/Still Works/);
    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
  });
});
