import type { OutboundMessage } from '@parley/core';
import type { TurnRecord } from '@parley/engine';
import { testDatabaseTargets } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from './data-source';
import { SqlConversationStore } from './sql-conversation-store';

const targets = testDatabaseTargets();

describe.each(targets)('SqlConversationStore on %s', (_name, setup) => {
  let dataSource: DataSource;
  let store: SqlConversationStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const prepared = await setup();
    cleanup = prepared.cleanup;
    const db = await openDatabase(prepared.target);
    dataSource = db.dataSource;
    store = new SqlConversationStore(db.sql);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await cleanup();
  });

  const reply = (conversationId: string, text: string): OutboundMessage => ({
    id: crypto.randomUUID(), conversationId, channel: 'webchat', address: 'a', from: 'bot', text, kind: 'conversational', at: new Date(),
  });

  async function turn(address: string, text: string, externalId = `${address}:${text}`): Promise<TurnRecord> {
    const open = await store.open('webchat', address, new Date());
    return {
      conversation: open.conversation, contactId: open.contact.id,
      inbound: { id: crypto.randomUUID(), channel: 'webchat', externalId, text, at: new Date() },
      flowId: 'f', flowVersion: 'v1', state: { step: text }, owner: 'bot',
      attributes: { last: text }, outbound: [reply(open.conversation.id, `re: ${text}`)], jobs: [], consent: [], at: new Date(),
    };
  }

  it('opens one contact and conversation per address, also when asked concurrently', async () => {
    const opened = await Promise.all(Array.from({ length: 20 }, () => store.open('webchat', 'visitor-a', new Date())));
    expect(new Set(opened.map((o) => o.conversation.id)).size).toBe(1);
    expect(opened[0].conversation).toMatchObject({ owner: 'bot', version: 0, messageCount: 0, state: null });
  });

  it('commits a turn atomically and replays history in order', async () => {
    expect(await store.commitTurn(await turn('visitor-b', 'one'))).toEqual({ status: 'committed' });
    expect(await store.commitTurn(await turn('visitor-b', 'two'))).toEqual({ status: 'committed' });
    const open = await store.open('webchat', 'visitor-b', new Date());
    expect(open.conversation).toMatchObject({ version: 2, messageCount: 4, state: { step: 'two' }, flowVersion: 'v1' });
    expect(open.contact.attributes).toEqual({ last: 'two' });
    const history = await store.history(open.conversation.id, 10);
    expect(history.map((m) => `${m.from}:${m.text}`)).toEqual(['visitor:one', 'bot:re: one', 'visitor:two', 'bot:re: two']);
    expect(history[0].at).toBeInstanceOf(Date);
  });

  it('reports a conflict and writes nothing when the version moved', async () => {
    const stale = await turn('visitor-c', 'first');
    await store.commitTurn(await turn('visitor-c', 'winner'));
    expect(await store.commitTurn(stale)).toEqual({ status: 'conflict' });
    expect(await store.findInbound('webchat', 'visitor-c:first')).toBeUndefined();
  });

  it('stores a channel message id once and rolls the turn back on a duplicate', async () => {
    const first = await turn('visitor-d', 'hello', 'sid-1');
    await store.commitTurn(first);
    const again = await turn('visitor-d', 'hello again', 'sid-1');
    expect(await store.commitTurn(again)).toEqual({ status: 'duplicate', messageId: first.inbound!.id });
    const open = await store.open('webchat', 'visitor-d', new Date());
    expect(open.conversation.version).toBe(1);
    expect(open.contact.attributes).toEqual({ last: 'hello' });
  });

  it('merges attributes instead of overwriting them', async () => {
    const t = await turn('visitor-e', 'x');
    await store.commitTurn({ ...t, attributes: { name: 'Jane' } });
    await store.commitTurn({ ...(await turn('visitor-e', 'y')), attributes: { email: 'jane@acme.io' } });
    expect((await store.open('webchat', 'visitor-e', new Date())).contact.attributes).toEqual({ name: 'Jane', email: 'jane@acme.io' });
  });

  it('writes outbox jobs once per idempotency key', async () => {
    const job = { type: 'crm.push', payload: { a: 1 }, idempotencyKey: 'crm:visitor-f:1', runAt: new Date() };
    await store.commitTurn({ ...(await turn('visitor-f', 'a')), jobs: [job] });
    await store.commitTurn({ ...(await turn('visitor-f', 'b')), jobs: [job] });
    const rows = await dataSource.query(`SELECT idempotency_key FROM outbox_jobs WHERE idempotency_key = 'crm:visitor-f:1'`);
    expect(rows).toHaveLength(1);
  });
});
