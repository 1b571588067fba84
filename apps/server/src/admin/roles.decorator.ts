import { SetMetadata } from '@nestjs/common';
import type { ApiRole } from '@parley/persistence';

export const ROLES_KEY = 'parley:roles';

/** Which API key roles may call a route. Every admin route must say; a route without a rule is refused to all. */
export const Roles = (...roles: ApiRole[]) => SetMetadata(ROLES_KEY, roles);

export const ANY_ROLE: ApiRole[] = ['admin', 'marketer', 'sales', 'readonly'];
export const WRITERS: ApiRole[] = ['admin', 'marketer'];
