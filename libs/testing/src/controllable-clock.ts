import { Clock } from '@parley/engine';

/** Real time plus an offset a test moves forward ("25 hours later"), for the engine and its job worker alike. */
export class ControllableClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
