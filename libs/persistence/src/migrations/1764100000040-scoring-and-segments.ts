import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * The score ledger (score_events, append-only), each contact's standing (contact_scores), the activity
 * behaviour segments look back on, the keys of score jobs already applied, and segments with their
 * live membership.
 */
export class ScoringAndSegments1764100000040 implements MigrationInterface {
  name = 'ScoringAndSegments1764100000040';

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    const at = (name: string): TableColumnOptions => ({ name, type: postgres ? 'timestamptz' : 'datetime' });
    const str = (name: string, length: number, isPrimary = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary });
    const text = (name: string): TableColumnOptions => ({ name, type: 'text' });
    const real = (name: string): TableColumnOptions => ({ name, type: postgres ? 'double precision' : 'real' });
    await runner.createTable(
      new Table({
        name: 'score_events',
        columns: [
          str('id', 36, true),
          str('contact_id', 36),
          { name: 'seq', type: 'integer' },
          str('rule_id', 80),
          real('points'),
          text('reason'),
          str('kind', 16),
          { name: 'reversal', type: 'integer', default: 0 },
          { name: 'rules_version', type: 'integer' },
          str('source_key', 255),
          at('at'),
        ],
        indices: [new TableIndex({ name: 'uq_score_events_seq', columnNames: ['contact_id', 'seq'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'contact_scores',
        columns: [str('contact_id', 36, true), real('score'), str('lifecycle', 16), text('snapshot'), at('updated_at')],
        indices: [new TableIndex({ name: 'ix_contact_scores_lifecycle', columnNames: ['lifecycle'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'contact_activity',
        columns: [str('id', 36, true), str('contact_id', 36), str('kind', 32), text('detail'), at('at')],
        indices: [new TableIndex({ name: 'ix_contact_activity_contact', columnNames: ['contact_id', 'at'] })],
      }),
    );
    await runner.createTable(new Table({ name: 'score_jobs_applied', columns: [str('source_key', 255, true), at('at')] }));
    await runner.createTable(
      new Table({
        name: 'segments',
        columns: [str('id', 64, true), str('name', 200), { name: 'description', type: 'text', isNullable: true }, text('filter'), at('created_at'), at('updated_at')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'segment_members',
        columns: [str('segment_id', 64, true), str('contact_id', 36, true), at('since')],
        indices: [new TableIndex({ name: 'ix_segment_members_contact', columnNames: ['contact_id'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['segment_members', 'segments', 'score_jobs_applied', 'contact_activity', 'contact_scores', 'score_events']) await runner.dropTable(table);
  }
}
