import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'messages' })
@Index('uq_messages_external', ['channel', 'externalId'], { unique: true })
@Index('ix_messages_conversation', ['conversationId', 'position'])
export class MessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  /** The channel's id for an inbound message (null for ours): stored once per channel. */
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  direction!: 'in' | 'out';

  @Column({ type: 'varchar', length: 8 })
  sender!: 'visitor' | 'bot' | 'agent';

  @Column({ type: 'text', default: '' })
  text!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  payload!: string | null;

  @Column({ name: 'quick_replies', type: 'text', nullable: true })
  quickReplies!: string | null;

  /** Files that came with the message, JSON `[{url, contentType}]`. */
  @Column({ type: 'text', nullable: true })
  attachments!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'conversational' })
  kind!: string;

  @Column({ type: 'varchar', length: 16, default: 'stored' })
  status!: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64, nullable: true })
  providerId!: string | null;

  @Column({ name: 'delivery_error', type: 'varchar', length: 32, nullable: true })
  deliveryError!: string | null;

  /** Order within the conversation, assigned in the turn's transaction. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
