import type { AudienceSpec } from './campaign';

export interface AudienceMember {
  contactId: string;
  /** The contact's SMS address (E.164). */
  address: string;
  attributes: Record<string, unknown>;
}

export interface ResolvedAudience {
  members: AudienceMember[];
  /** Contacts the spec named or matched that have no phone number to text. */
  withoutAddress: number;
}

/** A spec the source cannot resolve (segments not available, an unknown segment): the client's mistake. */
export class AudienceUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudienceUnavailable';
  }
}

/** Turns an audience spec into the contacts to text, in a stable order. */
export abstract class AudienceSource {
  abstract resolve(spec: AudienceSpec): Promise<ResolvedAudience>;
}
