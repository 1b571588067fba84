import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'conversations' })
@Index('ix_conversations_address', ['channel', 'address'])
export class ConversationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'contact_id', type: 'varchar', length: 36 })
  contactId!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'varchar', length: 255 })
  address!: string;

  @Column({ name: 'flow_id', type: 'varchar', length: 128, nullable: true })
  flowId!: string | null;

  @Column({ name: 'flow_version', type: 'varchar', length: 64, nullable: true })
  flowVersion!: string | null;

  /** JSON of the flow runner's state. */
  @Column({ type: 'text', nullable: true })
  state!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'bot' })
  owner!: 'bot' | 'human';

  /** Optimistic concurrency: every turn updates `WHERE version = expected`. */
  @VersionColumn({ default: 0 })
  version!: number;

  @Column({ name: 'message_count', type: 'integer', default: 0 })
  messageCount!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
