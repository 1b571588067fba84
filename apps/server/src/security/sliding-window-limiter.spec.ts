import { SlidingWindowLimiter } from './sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  it('admits up to the limit per window, then refuses with a retry-after', () => {
    const limiter = new SlidingWindowLimiter(3, 60_000);
    const t = 1_000_000 * 60_000;
    expect([1, 2, 3].map(() => limiter.hit('k', t).allowed)).toEqual([true, true, true]);
    const refused = limiter.hit('k', t + 1);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(80);
    expect(limiter.hit('other', t + 1).allowed).toBe(true);
  });

  it('weights the previous window, so a burst at a window edge cannot double the rate', () => {
    const limiter = new SlidingWindowLimiter(10, 1000);
    const start = 5000;
    for (let i = 0; i < 10; i++) expect(limiter.hit('k', start + 999).allowed).toBe(true);
    expect(limiter.hit('k', start + 1000).allowed).toBe(false);
    const halfway = start + 1500;
    const admitted = Array.from({ length: 10 }, () => limiter.hit('k', halfway).allowed).filter(Boolean).length;
    expect(admitted).toBe(5);
    expect(limiter.hit('k', start + 2000).allowed).toBe(true);
  });

  it('tells a refused client when the window will have room again', () => {
    const limiter = new SlidingWindowLimiter(2, 10_000);
    limiter.hit('k', 0);
    limiter.hit('k', 0);
    const { retryAfterSeconds } = limiter.hit('k', 1000);
    expect(retryAfterSeconds).toBe(14);
    expect(limiter.hit('k', 10_000 + 1).allowed).toBe(false);
    expect(limiter.hit('k', 15_000).allowed).toBe(true);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const limiter = new SlidingWindowLimiter(1, 60_000, 2);
    limiter.hit('a', 0);
    limiter.hit('b', 0);
    limiter.hit('c', 0);
    expect(limiter.hit('a', 0).allowed).toBe(true);
  });
});
