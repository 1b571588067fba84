import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Files that came with an inbound message (WhatsApp and MMS images): JSON `[{url, contentType}]`. */
export class MessageAttachments1764100000070 implements MigrationInterface {
  name = 'MessageAttachments1764100000070';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('messages', new TableColumn({ name: 'attachments', type: 'text', isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('messages', 'attachments');
  }
}
