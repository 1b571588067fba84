import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'audit_events' })
@Index('ix_audit_events_created', ['createdAt'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  target!: string | null;

  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
