import type { ChannelName } from '@parley/core';
import type { LifecycleStage } from '../lifecycle/lifecycle-stage';
import type { Activity } from '../rules/score-trigger';

/** Everything a segment filter may look at, gathered by the caller. */
export interface ContactFacts {
  attributes: Record<string, unknown>;
  score: number;
  lifecycle: LifecycleStage;
  /** Latest decision per consent purpose. */
  consents: Record<string, boolean>;
  tags: string[];
  channels: ChannelName[];
  /** Recent triggers, as long back as the longest behaviour window in use. */
  activity: Activity[];
}
