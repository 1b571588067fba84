import { Injectable } from '@nestjs/common';

/** Whether this instance is draining (SIGTERM received) and until when in-flight work may still run. */
@Injectable()
export class ShutdownState {
  private deadline: number | undefined;

  get draining(): boolean {
    return this.deadline !== undefined;
  }

  begin(graceMs: number): void {
    this.deadline ??= Date.now() + graceMs;
  }

  /** Time left before the deadline; `fallbackMs` when no drain has begun (an in-process close, as in tests). */
  remainingMs(fallbackMs: number): number {
    return this.deadline === undefined ? fallbackMs : Math.max(0, this.deadline - Date.now());
  }
}
