import { Injectable } from '@nestjs/common';
import { HandoffTimers } from './handoff-timers.port';
import { minutes, SLA_DEFAULTS, SlackOptions } from './slack-options';

/** Sets a card's two SLA timers for one round: ping after N minutes, re-route after M. */
@Injectable()
export class SlaSchedule {
  constructor(
    private readonly options: SlackOptions,
    private readonly timers: HandoffTimers,
  ) {}

  get pingMs(): number {
    return minutes(this.options.slaPingMinutes ?? SLA_DEFAULTS.pingMinutes);
  }

  get rerouteMs(): number {
    return minutes(this.options.slaRerouteMinutes ?? SLA_DEFAULTS.rerouteMinutes);
  }

  /** `from` is when the round starts (the post, or the end of a snooze, when the ping is due at once). */
  async start(conversationId: string, round: number, from: Date, pingAtStart = false): Promise<void> {
    const at = (ms: number) => new Date(from.getTime() + ms);
    await this.timers.schedule({ conversationId, step: 'ping', round, runAt: pingAtStart ? from : at(this.pingMs) });
    await this.timers.schedule({ conversationId, step: 'reroute', round, runAt: at(pingAtStart ? this.rerouteMs - this.pingMs : this.rerouteMs) });
  }
}
