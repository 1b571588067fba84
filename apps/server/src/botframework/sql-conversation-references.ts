import { Inject, Injectable } from '@nestjs/common';
import { ConversationReferences, type BotConversationReference } from '@parley/channels-botframework';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';

/** Conversation references in the database, so agent replies and follow-ups reach Bot Framework users after a restart. */
@Injectable()
export class SqlConversationReferences extends ConversationReferences {
  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {
    super();
  }

  async save(address: string, reference: BotConversationReference): Promise<void> {
    await this.db.sql.run(
      `INSERT INTO bot_conversation_references (address, reference, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (address) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      [address, JSON.stringify(reference), new Date().toISOString()],
    );
  }

  async find(address: string): Promise<BotConversationReference | undefined> {
    const row = await this.db.sql.get<{ reference: string }>('SELECT reference FROM bot_conversation_references WHERE address = ?', [address]);
    return row ? (JSON.parse(row.reference) as BotConversationReference) : undefined;
  }
}
