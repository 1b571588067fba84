import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { FlowVersions1764100000001 } from './1764100000001-flow-versions';

export const MIGRATIONS = [InitialSchema1764100000000, FlowVersions1764100000001];
