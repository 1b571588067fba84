import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Slack handoff cards: which thread mirrors which conversation, and the card as last shown. */
export class HandoffThreads1764100000030 implements MigrationInterface {
  name = 'HandoffThreads1764100000030';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'handoff_threads',
        columns: [
          { name: 'conversation_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'request_key', type: 'varchar', length: '255' },
          { name: 'slack_channel', type: 'varchar', length: '64' },
          { name: 'slack_ts', type: 'varchar', length: '32' },
          { name: 'card', type: 'text' },
          { name: 'updated_at', type: timestamp },
        ],
        indices: [new TableIndex({ name: 'uq_handoff_threads_message', columnNames: ['slack_channel', 'slack_ts'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('handoff_threads');
  }
}
