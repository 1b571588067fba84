import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatClient } from './support/chat-client';
import { buildIfStale, spawnApp, type SpawnedApp } from './support/spawn-app';

const VISITORS = 20;

describe('web chat survives kill -9', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: SpawnedApp | undefined;

  beforeAll(() => {
    buildIfStale();
    dataDir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
    env = { DATABASE_URL: `sqlite:${join(dataDir, 'parley.sqlite')}`, FLOWS_DIR: join(__dirname, '../flows'), WEBCHAT_FLOOD_MESSAGES: '100000' };
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged message exactly once, each with its reply, across a crash', async () => {
    server = await spawnApp(env);
    const acked = new Map<string, string[]>();
    const visitors = await Promise.all(
      Array.from({ length: VISITORS }, async (_, i) => {
        const client = new ChatClient(server!.url);
        const hello = await client.hello();
        acked.set(hello.visitorId, []);
        return { client, visitorId: hello.visitorId, i };
      }),
    );
    let stop = false;
    const loops = visitors.map(async ({ client, visitorId, i }) => {
      for (let n = 0; !stop; n++) {
        const text = n === 0 ? `Visitor ${i}` : `visitor ${i} message ${n}`;
        try {
          const ack = await client.send(text, `v${i}-m${n}`);
          if ('id' in ack) acked.get(visitorId)!.push(text);
        } catch {
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await server.kill();
    stop = true;
    await Promise.all(loops);
    visitors.forEach((v) => v.client.close());

    const total = [...acked.values()].reduce((sum, texts) => sum + texts.length, 0);
    expect(total).toBeGreaterThan(VISITORS * 3);

    server = await spawnApp(env);
    const db = new Database(join(dataDir, 'parley.sqlite'), { readonly: true });
    const stored = db.prepare(
      `SELECT m.sender, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.address = ? ORDER BY m.position`,
    );
    for (const [visitorId, texts] of acked) {
      const rows = stored.all(visitorId) as { sender: string; text: string }[];
      const mine = rows.filter((r) => r.sender === 'visitor').map((r) => r.text);
      expect(mine.slice(0, texts.length)).toEqual(texts);
      expect(mine.length - texts.length).toBeLessThanOrEqual(1);
      rows.forEach((row, index) => {
        if (row.sender === 'visitor') expect(rows[index + 1]?.sender).toBe('bot');
      });
      const client = new ChatClient(server.url);
      const { history } = await client.hello({ visitorId });
      client.close();
      expect(history.map((m) => m.text)).toEqual(rows.slice(-history.length).map((r) => r.text));
    }
    db.close();
  }, 60_000);
});
