import type { ApiRole } from '@parley/persistence';

/** Who may take a conversation over, reply in it and hand it back: everyone but read-only keys. */
export const AGENT_ROLES: ApiRole[] = ['admin', 'marketer', 'sales'];
