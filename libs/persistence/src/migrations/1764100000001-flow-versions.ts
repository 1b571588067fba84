import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class FlowVersions1764100000001 implements MigrationInterface {
  name = 'FlowVersions1764100000001';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'flow_versions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'flow_id', type: 'varchar', length: '128' },
          { name: 'version', type: 'varchar', length: '64' },
          { name: 'source', type: 'text' },
          { name: 'created_at', type: timestamp },
        ],
        indices: [new TableIndex({ name: 'uq_flow_versions', columnNames: ['flow_id', 'version'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('flow_versions');
  }
}
