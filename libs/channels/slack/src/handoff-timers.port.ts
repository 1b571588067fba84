export type SlaStep = 'ping' | 'reroute';

export interface SlaTimer {
  conversationId: string;
  step: SlaStep;
  /** The card's SLA round when the timer was set: a snooze or a re-route starts a new round, and older timers then do nothing. */
  round: number;
  runAt: Date;
}

/** SLA timers of unclaimed cards, kept as stored jobs so they survive a restart (`handoff.sla` jobs). */
export abstract class HandoffTimers {
  /** Setting the same (conversation, round, step) twice keeps one timer. */
  abstract schedule(timer: SlaTimer): Promise<void>;
}

/** No timer store: cards have no SLA (for a desk without a database, such as unit tests). */
export class NoHandoffTimers extends HandoffTimers {
  async schedule(): Promise<void> {}
}
