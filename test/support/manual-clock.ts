import type { Clock } from '@parley/engine';

/** A clock that moves only when the test says so (SLA timers, delays); starts at the real time. */
export class ManualClock implements Clock {
  private at: number;

  constructor(start = new Date()) {
    this.at = start.getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): Date {
    this.at += ms;
    return this.now();
  }

  advanceMinutes(minutes: number): Date {
    return this.advance(minutes * 60_000);
  }
}
