/** Slack retries an event it thinks we missed; its event_id tells a retry apart. */
export abstract class SlackEventLog {
  /** True the first time an event id is offered, false for every retry of it. */
  abstract firstSeen(eventId: string): Promise<boolean>;
}

const LIMIT = 5_000;

/** Per process and bounded: a retry that reaches another instance, or this one after a restart, passes. */
export class InMemorySlackEventLog extends SlackEventLog {
  private readonly seen = new Set<string>();

  async firstSeen(eventId: string): Promise<boolean> {
    if (this.seen.has(eventId)) return false;
    if (this.seen.size >= LIMIT) this.seen.delete(this.seen.values().next().value!);
    this.seen.add(eventId);
    return true;
  }
}
