export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 10 * 60_000, maxAttempts: 8 };

/**
 * Delay before the next try after `attempt` failed tries: exponential, capped, with "equal jitter"
 * (half fixed, half random) so a receiver that comes back is not hit by every job at the same instant,
 * while a retry never comes sooner than half the nominal delay.
 */
export function backoffDelay(attempt: number, policy: Pick<BackoffPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 52));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/** When to run again after a failed try, or null when the attempt budget is spent. */
export function nextRunAt(attempt: number, now: Date, policy: BackoffPolicy, random?: () => number): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  return new Date(now.getTime() + backoffDelay(attempt, policy, random));
}
