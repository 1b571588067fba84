import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A campaign can wait for its start time; SMS parts are counted per message and per campaign text, for cost reports. */
export class CampaignScheduleAndSmsSegments1764100000080 implements MigrationInterface {
  name = 'CampaignScheduleAndSmsSegments1764100000080';

  async up(runner: QueryRunner): Promise<void> {
    const timestamp = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await runner.addColumn('campaigns', new TableColumn({ name: 'start_at', type: timestamp, isNullable: true }));
    await runner.addColumn('messages', new TableColumn({ name: 'sms_segments', type: 'integer', isNullable: true }));
    await runner.addColumn('campaign_recipients', new TableColumn({ name: 'sms_segments', type: 'integer', isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('campaign_recipients', 'sms_segments');
    await runner.dropColumn('messages', 'sms_segments');
    await runner.dropColumn('campaigns', 'start_at');
  }
}
