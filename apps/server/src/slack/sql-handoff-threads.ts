import { Inject, Injectable } from '@nestjs/common';
import { HandoffThreads, repOf, type HandoffCardData, type HandoffThread } from '@parley/channels-slack';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';

interface ThreadRow {
  conversation_id: string;
  request_key: string;
  slack_channel: string;
  slack_ts: string;
  card: string;
}

const COLUMNS = 'conversation_id, request_key, slack_channel, slack_ts, card';

const toThread = (row: ThreadRow | undefined): HandoffThread | undefined =>
  row && { conversationId: row.conversation_id, requestKey: row.request_key, channel: row.slack_channel, ts: row.slack_ts, card: JSON.parse(row.card) as HandoffCardData };

/** Handoff threads in the database, so a restart still routes rep replies and customer messages. */
@Injectable()
export class SqlHandoffThreads extends HandoffThreads {
  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {
    super();
  }

  async save(thread: HandoffThread): Promise<void> {
    await this.db.sql.run(
      `INSERT INTO handoff_threads (${COLUMNS}, rep, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET request_key = excluded.request_key, slack_channel = excluded.slack_channel,
         slack_ts = excluded.slack_ts, card = excluded.card, rep = excluded.rep, updated_at = excluded.updated_at`,
      [thread.conversationId, thread.requestKey, thread.channel, thread.ts, JSON.stringify(thread.card), repOf(thread.card) ?? null, new Date().toISOString()],
    );
  }

  async byConversation(conversationId: string): Promise<HandoffThread | undefined> {
    return toThread(await this.db.sql.get<ThreadRow>(`SELECT ${COLUMNS} FROM handoff_threads WHERE conversation_id = ?`, [conversationId]));
  }

  async byMessage(channel: string, ts: string): Promise<HandoffThread | undefined> {
    return toThread(await this.db.sql.get<ThreadRow>(`SELECT ${COLUMNS} FROM handoff_threads WHERE slack_channel = ? AND slack_ts = ?`, [channel, ts]));
  }

  async ownedBy(user: string, limit: number): Promise<HandoffThread[]> {
    const rows = await this.db.sql.all<ThreadRow>(`SELECT ${COLUMNS} FROM handoff_threads WHERE rep = ? ORDER BY updated_at DESC LIMIT ?`, [user, limit]);
    return rows.map((row) => toThread(row)!);
  }
}
