import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/app';
import { parley } from './support/cli';
import { buildIfStale } from './support/spawn-app';

const DAY_MS = 86_400_000;

describe('retention: conversations idle longer than RETENTION_DAYS are anonymised', () => {
  let running: RunningApp;
  let db: Database.Database;

  function seedConversation(id: string, idleDays: number, text: string): void {
    const at = new Date(Date.now() - idleDays * DAY_MS).toISOString();
    const contact = `${id.slice(0, -2)}c0`;
    db.prepare("INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, '{}', ?, ?)").run(contact, at, at);
    db.prepare("INSERT INTO conversations (id, contact_id, channel, address, created_at, updated_at) VALUES (?, ?, 'webchat', ?, ?, ?)").run(id, contact, id, at, at);
    db.prepare("INSERT INTO messages (id, conversation_id, channel, direction, sender, text, position, created_at) VALUES (?, ?, 'webchat', 'in', 'contact', ?, 1, ?)")
      .run(`${id.slice(0, -2)}m0`, id, text, at);
  }
  const textOf = (conversation: string) => (db.prepare('SELECT text FROM messages WHERE conversation_id = ?').get(conversation) as { text: string }).text;

  beforeAll(async () => {
    buildIfStale();
    running = await startApp({ RETENTION_DAYS: '30' });
    db = new Database(join(running.dataDir, 'parley.sqlite'));
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await running?.close();
  });

  it('expires old conversations from the CLI, keeps recent ones, and changes nothing on a second run', () => {
    seedConversation('0190b6a4-0000-7000-8000-0000000001aa', 45, 'my number is +14155550123');
    seedConversation('0190b6a4-0000-7000-8000-0000000002aa', 3, 'still talking');
    const env = { DATABASE_URL: `sqlite:${join(running.dataDir, 'parley.sqlite')}` };

    expect(parley(['retention', 'run'], env)).toMatch(/kept forever/);
    expect(parley(['retention', 'run'], { ...env, RETENTION_DAYS: '30' })).toMatch(/^1 conversations .* 1 messages/);
    expect(textOf('0190b6a4-0000-7000-8000-0000000001aa')).toBe('[expired]');
    expect(textOf('0190b6a4-0000-7000-8000-0000000002aa')).toBe('still talking');
    expect(parley(['retention', 'run', '--days', '30'], env)).toMatch(/ 0 messages/);
    expect(parley(['retention', 'run', '--days', '1'], env)).toMatch(/ 1 messages/);
    expect(textOf('0190b6a4-0000-7000-8000-0000000002aa')).toBe('[expired]');
  });
});
