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

  it('keeps inbound attachments, the last inbound time and refused messages with their reason', async () => {
    const address = `whatsapp:+1415200${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const open = await store.open('whatsapp', address, new Date());
    expect(await store.lastInboundAt(open.conversation.id)).toBeUndefined();
    const receivedAt = new Date('2026-11-20T18:00:00.000Z');
    const photo = { url: 'https://api.twilio.com/media/ME1', contentType: 'image/jpeg' };
    const refused = { ...reply(open.conversation.id, 'Still there?'), channel: 'whatsapp' as const, address, from: 'agent' as const };
    await store.commitTurn({
      conversation: open.conversation, contactId: open.contact.id,
      inbound: { id: crypto.randomUUID(), channel: 'whatsapp', externalId: `SM-${address}`, text: 'Hi', attachments: [photo], at: receivedAt },
      flowId: null, flowVersion: null, state: null, owner: 'bot', attributes: {}, outbound: [],
      refused: [{ message: refused, reason: 'whatsapp_window_closed' }], jobs: [], consent: [], at: new Date(),
    });
    expect((await store.lastInboundAt(open.conversation.id))?.toISOString()).toBe(receivedAt.toISOString());
    const history = await store.history(open.conversation.id, 10);
    expect(history.map((m) => [m.from, m.text, m.attachments])).toEqual([['visitor', 'Hi', [photo]], ['agent', 'Still there?', undefined]]);
    const row = await dataSource.query(`SELECT status, delivery_error FROM messages WHERE id = ${dataSource.options.type === 'postgres' ? '$1' : '?'}`, [refused.id]);
    expect(row[0]).toEqual({ status: 'failed', delivery_error: 'whatsapp_window_closed' });
    expect((await store.open('whatsapp', address, new Date())).conversation.messageCount).toBe(2);
  });

  it('makes a WhatsApp address and the same phone on SMS one contact, whichever comes first', async () => {
    const phone = `+1415201${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const bySms = await store.open('sms', phone, new Date());
    const byWhatsApp = await store.open('whatsapp', `whatsapp:${phone}`, new Date());
    expect(byWhatsApp.contact.id).toBe(bySms.contact.id);
    expect(byWhatsApp.conversation.id).not.toBe(bySms.conversation.id);
    const other = `+1415202${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const first = await store.open('whatsapp', `whatsapp:${other}`, new Date());
    expect((await store.open('sms', other, new Date())).contact.id).toBe(first.contact.id);
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
