import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Bot Framework: where each user's conversation lives (serviceUrl, conversation, bot), so later messages reach them. */
export class BotConversationReferences1764100000060 implements MigrationInterface {
  name = 'BotConversationReferences1764100000060';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'bot_conversation_references',
        columns: [
          { name: 'address', type: 'varchar', length: '255', isPrimary: true },
          { name: 'reference', type: 'text' },
          { name: 'updated_at', type: timestamp },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bot_conversation_references');
  }
}
