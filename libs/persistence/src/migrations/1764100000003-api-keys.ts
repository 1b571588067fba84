import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class ApiKeys1764100000003 implements MigrationInterface {
  name = 'ApiKeys1764100000003';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'key_hash', type: 'varchar', length: '64' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'created_at', type: timestamp },
          { name: 'revoked_at', type: timestamp, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'uq_api_keys_hash', columnNames: ['key_hash'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('api_keys');
  }
}
