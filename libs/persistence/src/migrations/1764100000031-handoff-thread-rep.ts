import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The rep who owns a handoff card now, so `/parley mine` is one indexed look-up. */
export class HandoffThreadRep1764100000031 implements MigrationInterface {
  name = 'HandoffThreadRep1764100000031';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('handoff_threads', new TableColumn({ name: 'rep', type: 'varchar', length: '64', isNullable: true }));
    await runner.createIndex('handoff_threads', new TableIndex({ name: 'ix_handoff_threads_rep', columnNames: ['rep', 'updated_at'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('handoff_threads', 'ix_handoff_threads_rep');
    await runner.dropColumn('handoff_threads', 'rep');
  }
}
