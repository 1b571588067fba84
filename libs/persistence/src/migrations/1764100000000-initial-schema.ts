import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

type Dialect = 'sqlite' | 'postgres';

function columns(dialect: Dialect) {
  const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: name === 'id' });
  const ref = (name: string): TableColumnOptions => ({ name, type: 'varchar', length: '36' });
  const text = (name: string, nullable = false, defaultValue?: string): TableColumnOptions => ({
    name,
    type: 'text',
    isNullable: nullable,
    default: defaultValue,
  });
  const str = (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
    default: defaultValue,
  });
  const int = (name: string, defaultValue?: number): TableColumnOptions => ({
    name,
    type: 'integer',
    default: defaultValue,
  });
  const at = (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: dialect === 'postgres' ? 'timestamptz' : 'datetime',
    isNullable: nullable,
  });
  return { id, ref, text, str, int, at };
}

export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const { id, ref, text, str, int, at } = columns(dialect);
    await runner.createTable(
      new Table({ name: 'contacts', columns: [id(), text('attributes', false, "'{}'"), at('created_at'), at('updated_at')] }),
    );
    await runner.createTable(
      new Table({
        name: 'channel_identities',
        columns: [id(), ref('contact_id'), str('channel', 32), str('address', 255), at('created_at')],
        indices: [
          new TableIndex({ name: 'uq_channel_identities_address', columnNames: ['channel', 'address'], isUnique: true }),
          new TableIndex({ name: 'ix_channel_identities_contact', columnNames: ['contact_id'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'conversations',
        columns: [
          id(),
          ref('contact_id'),
          str('channel', 32),
          str('address', 255),
          str('flow_id', 128, true),
          str('flow_version', 64, true),
          text('state', true),
          str('owner', 8, false, "'bot'"),
          int('version', 0),
          int('message_count', 0),
          at('created_at'),
          at('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_conversations_address', columnNames: ['channel', 'address'] }),
          new TableIndex({ name: 'ix_conversations_contact', columnNames: ['contact_id'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'messages',
        columns: [
          id(),
          ref('conversation_id'),
          str('channel', 32),
          str('external_id', 255, true),
          str('direction', 8),
          str('sender', 8),
          text('text', false, "''"),
          str('payload', 255, true),
          text('quick_replies', true),
          str('kind', 16, false, "'conversational'"),
          str('status', 16, false, "'stored'"),
          int('position'),
          at('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_messages_external', columnNames: ['channel', 'external_id'], isUnique: true }),
          new TableIndex({ name: 'ix_messages_conversation', columnNames: ['conversation_id', 'position'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'outbox_jobs',
        columns: [
          id(),
          str('type', 64),
          text('payload'),
          str('idempotency_key', 255),
          str('status', 16, false, "'pending'"),
          int('attempts', 0),
          at('run_at'),
          at('locked_until', true),
          text('last_error', true),
          at('created_at'),
          at('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_outbox_jobs_key', columnNames: ['idempotency_key'], isUnique: true }),
          new TableIndex({ name: 'ix_outbox_jobs_due', columnNames: ['status', 'run_at'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id(),
          str('actor', 128),
          str('action', 64),
          str('target', 255, true),
          text('details', true),
          str('ip', 64, true),
          at('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_audit_events_created', columnNames: ['created_at'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'outbox_jobs', 'messages', 'conversations', 'channel_identities', 'contacts']) {
      await runner.dropTable(table);
    }
  }
}
