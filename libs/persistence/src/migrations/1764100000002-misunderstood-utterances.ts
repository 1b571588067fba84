import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class MisunderstoodUtterances1764100000002 implements MigrationInterface {
  name = 'MisunderstoodUtterances1764100000002';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'misunderstood_utterances',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'conversation_id', type: 'varchar', length: '36' },
          { name: 'channel', type: 'varchar', length: '32' },
          { name: 'text', type: 'text' },
          { name: 'locale', type: 'varchar', length: '35', isNullable: true },
          { name: 'guesses', type: 'text' },
          { name: 'label', type: 'varchar', length: '128', isNullable: true },
          { name: 'labelled_by', type: 'varchar', length: '128', isNullable: true },
          { name: 'labelled_at', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp },
        ],
        indices: [new TableIndex({ name: 'ix_misunderstood_open', columnNames: ['label', 'created_at'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('misunderstood_utterances');
  }
}
