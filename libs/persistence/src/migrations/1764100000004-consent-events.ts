import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The consent ledger: append-only, one hash chain per contact (seq 1, 2, … with prev_hash and hash). */
export class ConsentEvents1764100000004 implements MigrationInterface {
  name = 'ConsentEvents1764100000004';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'consent_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'contact_id', type: 'varchar', length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'purpose', type: 'varchar', length: '16' },
          { name: 'action', type: 'varchar', length: '8' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'disclosure_text', type: 'text', isNullable: true },
          { name: 'disclosure_version', type: 'varchar', length: '64', isNullable: true },
          { name: 'evidence', type: 'text' },
          { name: 'actor', type: 'varchar', length: '128' },
          { name: 'created_at', type: timestamp },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [new TableIndex({ name: 'uq_consent_events_seq', columnNames: ['contact_id', 'seq'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('consent_events');
  }
}
