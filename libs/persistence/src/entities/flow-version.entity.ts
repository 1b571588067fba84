import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An immutable copy of a flow's source, keyed by its content hash: conversations finish on the version they began. */
@Entity({ name: 'flow_versions' })
@Index('uq_flow_versions', ['flowId', 'version'], { unique: true })
export class FlowVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'flow_id', type: 'varchar', length: 128 })
  flowId!: string;

  @Column({ type: 'varchar', length: 64 })
  version!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
