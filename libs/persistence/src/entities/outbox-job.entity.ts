import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'outbox_jobs' })
@Index('ix_outbox_jobs_due', ['status', 'runAt'])
export class OutboxJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'text' })
  payload!: string;

  /** A retried or replayed job with the same key never runs its side effect twice. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 255, unique: true })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: 'pending' | 'running' | 'done' | 'failed' | 'dead' | 'cancelled';

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'run_at' })
  runAt!: Date;

  @Column({ name: 'locked_until', type: Date, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
