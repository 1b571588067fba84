import type { IntentGuess } from '@parley/core';
import type { SqlDatabase } from './sql/sql-database';

export interface MisunderstoodUtterance {
  id: string;
  conversationId: string;
  channel: string;
  text: string;
  locale: string | null;
  guesses: IntentGuess[];
  label: string | null;
  labelledBy: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  conversation_id: string;
  channel: string;
  text: string;
  locale: string | null;
  guesses: string;
  label: string | null;
  labelled_by: string | null;
  created_at: string | Date;
}

const toUtterance = (r: Row): MisunderstoodUtterance => ({
  id: r.id,
  conversationId: r.conversation_id,
  channel: r.channel,
  text: r.text,
  locale: r.locale,
  guesses: JSON.parse(r.guesses),
  label: r.label,
  labelledBy: r.labelled_by,
  createdAt: new Date(r.created_at),
});

/** The misunderstood queue: rows are written by the turn that met them (SqlConversationStore), labelled here. */
export class SqlMisunderstoodQueue {
  constructor(private readonly db: SqlDatabase) {}

  async list(options: { labelled?: boolean; limit: number; offset: number }): Promise<MisunderstoodUtterance[]> {
    const where = options.labelled === undefined ? '' : options.labelled ? 'WHERE label IS NOT NULL' : 'WHERE label IS NULL';
    const rows = await this.db.all<Row>(
      `SELECT id, conversation_id, channel, text, locale, guesses, label, labelled_by, created_at
       FROM misunderstood_utterances ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      [options.limit, options.offset],
    );
    return rows.map(toUtterance);
  }

  async label(id: string, intent: string, by: string, at: Date): Promise<MisunderstoodUtterance | undefined> {
    const changed = await this.db.run('UPDATE misunderstood_utterances SET label = ?, labelled_by = ?, labelled_at = ? WHERE id = ?', [
      intent,
      by,
      at.toISOString(),
      id,
    ]);
    if (!changed) return undefined;
    const row = await this.db.get<Row>(
      'SELECT id, conversation_id, channel, text, locale, guesses, label, labelled_by, created_at FROM misunderstood_utterances WHERE id = ?',
      [id],
    );
    return row && toUtterance(row);
  }
}
