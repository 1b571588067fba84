import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'channel_identities' })
@Index('uq_channel_identities_address', ['channel', 'address'], { unique: true })
export class ChannelIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'contact_id', type: 'varchar', length: 36 })
  contactId!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'varchar', length: 255 })
  address!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
