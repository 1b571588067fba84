import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Browser sessions of the dashboard: the cookie holds a random id whose hash is stored here, never an API key;
 * and the index the conversation list pages on. */
export class DashboardSessions1764100000075 implements MigrationInterface {
  name = 'DashboardSessions1764100000075';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'dashboard_sessions',
        columns: [
          { name: 'id_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'api_key_id', type: 'varchar', length: '36' },
          { name: 'created_at', type: timestamp },
          { name: 'expires_at', type: timestamp },
        ],
        indices: [new TableIndex({ name: 'ix_dashboard_sessions_key', columnNames: ['api_key_id'] })],
      }),
    );
    // The dashboard lists conversations most recent first, a page at a time.
    await runner.createIndex('conversations', new TableIndex({ name: 'ix_conversations_updated', columnNames: ['updated_at'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('conversations', 'ix_conversations_updated');
    await runner.dropTable('dashboard_sessions');
  }
}
