import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A message the NLU could not place, waiting for a marketer's label (which feeds retraining). */
@Entity({ name: 'misunderstood_utterances' })
@Index('ix_misunderstood_open', ['label', 'createdAt'])
export class MisunderstoodUtteranceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 35, nullable: true })
  locale!: string | null;

  /** JSON list of the top intent guesses with their confidence. */
  @Column({ type: 'text' })
  guesses!: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  label!: string | null;

  @Column({ name: 'labelled_by', type: 'varchar', length: 128, nullable: true })
  labelledBy!: string | null;

  @Column({ name: 'labelled_at', type: Date, nullable: true })
  labelledAt!: Date | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
