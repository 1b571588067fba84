import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Append-only consent ledger row; `hash` covers the row and `prev_hash`, chaining the contact's rows. */
@Entity({ name: 'consent_events' })
@Index('uq_consent_events_seq', ['contactId', 'seq'], { unique: true })
export class ConsentEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'contact_id', type: 'varchar', length: 36 })
  contactId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: string;

  @Column({ type: 'varchar', length: 8 })
  action!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: string;

  @Column({ name: 'disclosure_text', type: 'text', nullable: true })
  disclosureText!: string | null;

  @Column({ name: 'disclosure_version', type: 'varchar', length: 64, nullable: true })
  disclosureVersion!: string | null;

  @Column({ type: 'text' })
  evidence!: string;

  @Column({ type: 'varchar', length: 128 })
  actor!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
