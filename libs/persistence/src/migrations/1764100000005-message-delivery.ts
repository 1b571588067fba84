import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Delivery receipts: the provider's id and error code of an outbound message. */
export class MessageDelivery1764100000005 implements MigrationInterface {
  name = 'MessageDelivery1764100000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('messages', [
      new TableColumn({ name: 'provider_id', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'delivery_error', type: 'varchar', length: '32', isNullable: true }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('messages', 'delivery_error');
    await runner.dropColumn('messages', 'provider_id');
  }
}
