import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'contacts' })
export class ContactEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** JSON object of the contact's attributes (name, email, companySize…). */
  @Column({ type: 'text', default: '{}' })
  attributes!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
