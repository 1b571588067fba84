import { backoffDelay, nextRunAt } from './backoff';

const policy = { baseMs: 1000, maxMs: 60_000, maxAttempts: 5 };

describe('backoff', () => {
  it('doubles per attempt and keeps the jitter between half and all of the nominal delay', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, policy);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('spreads retries of the same attempt instead of synchronising them', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('is capped, also for absurd attempt numbers', () => {
    expect(backoffDelay(10, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(5000, policy, () => 1)).toBe(60_000);
  });

  it('gives up after the last attempt', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(nextRunAt(4, now, policy, () => 1)).toEqual(new Date(now.getTime() + 8000));
    expect(nextRunAt(5, now, policy)).toBeNull();
  });
});
