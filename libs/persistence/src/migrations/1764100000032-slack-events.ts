import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Slack event ids already taken, so a retried event is relayed once across instances and restarts. */
export class SlackEvents1764100000032 implements MigrationInterface {
  name = 'SlackEvents1764100000032';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.createTable(
      new Table({
        name: 'slack_events',
        columns: [
          { name: 'event_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'seen_at', type: timestamp },
        ],
        indices: [new TableIndex({ name: 'ix_slack_events_seen_at', columnNames: ['seen_at'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('slack_events');
  }
}
