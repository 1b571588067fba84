import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** SMS campaigns and one row per recipient; the idempotency key (campaign + contact) makes a recipient unique. */
export class Campaigns1764100000050 implements MigrationInterface {
  name = 'Campaigns1764100000050';

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'template', type: 'text' },
          { name: 'audience', type: 'text' },
          { name: 'rate_per_second', type: postgres ? 'double precision' : 'real' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_by', type: 'varchar', length: '128' },
          { name: 'created_at', type: timestamp },
          { name: 'completed_at', type: timestamp, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_campaigns_created', columnNames: ['created_at'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'campaign_recipients',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'campaign_id', type: 'varchar', length: '36' },
          { name: 'contact_id', type: 'varchar', length: '36' },
          { name: 'address', type: 'varchar', length: '255' },
          { name: 'idempotency_key', type: 'varchar', length: '80' },
          { name: 'position', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'reason', type: 'varchar', length: '32', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'provider_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'hold_until', type: timestamp, isNullable: true },
          { name: 'locked_until', type: timestamp, isNullable: true },
          { name: 'updated_at', type: timestamp },
        ],
        indices: [
          new TableIndex({ name: 'uq_campaign_recipients_key', columnNames: ['idempotency_key'], isUnique: true }),
          new TableIndex({ name: 'ix_campaign_recipients_next', columnNames: ['campaign_id', 'status', 'position'] }),
          new TableIndex({ name: 'ix_campaign_recipients_contact', columnNames: ['contact_id'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('campaign_recipients');
    await runner.dropTable('campaigns');
  }
}
