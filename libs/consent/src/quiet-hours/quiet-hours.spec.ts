import fc from 'fast-check';
import { isWithinQuietHours, nextSendTime, type SendingWindow } from './quiet-hours';
import { instantOfWallTime } from './zoned-time';

const at = (iso: string) => new Date(iso);
const next = (iso: string, zone: string, window?: SendingWindow) => nextSendTime(at(iso), zone, window).toISOString();

describe('isWithinQuietHours', () => {
  it('is quiet before 08:00 and from 21:00 on the recipient’s clock', () => {
    expect(isWithinQuietHours(at('2025-06-02T11:59:59Z'), 'America/New_York')).toBe(true); // 07:59:59 EDT
    expect(isWithinQuietHours(at('2025-06-02T12:00:00Z'), 'America/New_York')).toBe(false); // 08:00 EDT
    expect(isWithinQuietHours(at('2025-06-03T00:59:59Z'), 'America/New_York')).toBe(false); // 20:59:59 EDT
    expect(isWithinQuietHours(at('2025-06-03T01:00:00Z'), 'America/New_York')).toBe(true); // 21:00 EDT
    expect(isWithinQuietHours(at('2025-01-15T12:30:00Z'), 'America/New_York')).toBe(true); // 07:30 EST
  });

  it('uses half-hour and quarter-hour offsets', () => {
    expect(isWithinQuietHours(at('2025-06-02T02:29:00Z'), 'Asia/Kolkata')).toBe(true); // 07:59 IST
    expect(isWithinQuietHours(at('2025-06-02T02:30:00Z'), 'Asia/Kolkata')).toBe(false); // 08:00 IST
    expect(isWithinQuietHours(at('2025-06-02T02:15:00Z'), 'Asia/Kathmandu')).toBe(false); // 08:00 NPT
  });

  it('supports windows that cross midnight and whole-day windows', () => {
    const night = { start: '22:00', end: '06:00' };
    expect(isWithinQuietHours(at('2025-06-02T23:00:00Z'), 'UTC', night)).toBe(false);
    expect(isWithinQuietHours(at('2025-06-02T05:59:00Z'), 'UTC', night)).toBe(false);
    expect(isWithinQuietHours(at('2025-06-02T12:00:00Z'), 'UTC', night)).toBe(true);
    expect(isWithinQuietHours(at('2025-06-02T03:00:00Z'), 'UTC', { start: '00:00', end: '24:00' })).toBe(false);
  });

  it('rejects malformed windows and unknown zones', () => {
    expect(() => isWithinQuietHours(at('2025-06-02T12:00:00Z'), 'UTC', { start: '8:00', end: '21:00' })).toThrow(RangeError);
    expect(() => isWithinQuietHours(at('2025-06-02T12:00:00Z'), 'UTC', { start: '24:00', end: '21:00' })).toThrow(RangeError);
    expect(() => isWithinQuietHours(at('2025-06-02T12:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('nextSendTime', () => {
  it('is now when the window is open', () => {
    expect(next('2025-06-02T15:00:00Z', 'America/New_York')).toBe('2025-06-02T15:00:00.000Z');
  });

  it('opens later the same day before the window, and the next day after it', () => {
    expect(next('2025-06-02T09:00:00Z', 'America/New_York')).toBe('2025-06-02T12:00:00.000Z'); // 05:00 → 08:00 EDT
    expect(next('2025-06-03T02:00:00Z', 'America/New_York')).toBe('2025-06-03T12:00:00.000Z'); // 22:00 → 08:00 EDT
  });

  it('crosses the US spring-forward and fall-back nights at the new offset', () => {
    // Sat 2025-03-08 22:00 EST; clocks skip 02:00-03:00 on Sun; 08:00 EDT is 12:00Z, not 13:00Z.
    expect(next('2025-03-09T03:00:00Z', 'America/New_York')).toBe('2025-03-09T12:00:00.000Z');
    // Sat 2025-11-01 22:00 EDT; clocks repeat 01:00-02:00 on Sun; 08:00 EST is 13:00Z.
    expect(next('2025-11-02T02:00:00Z', 'America/New_York')).toBe('2025-11-02T13:00:00.000Z');
    // Inside the repeated hour (01:30 EST, the second time round) it is still the same morning.
    expect(next('2025-11-02T06:30:00Z', 'America/New_York')).toBe('2025-11-02T13:00:00.000Z');
  });

  it('crosses the European changes, which happen on other dates', () => {
    expect(next('2025-03-29T22:00:00Z', 'Europe/Paris')).toBe('2025-03-30T06:00:00.000Z'); // 23:00 CET → 08:00 CEST
    expect(next('2025-10-25T21:00:00Z', 'Europe/Paris')).toBe('2025-10-26T07:00:00.000Z'); // 23:00 CEST → 08:00 CET
    // 2025-03-09: New York has changed, Paris has not yet.
    expect(next('2025-03-09T05:00:00Z', 'Europe/Paris')).toBe('2025-03-09T07:00:00.000Z');
  });

  it('handles zones without DST and with half-hour DST', () => {
    expect(next('2025-06-01T17:00:00Z', 'Asia/Kolkata')).toBe('2025-06-02T02:30:00.000Z'); // 22:30 IST → 08:00 IST
    expect(next('2025-10-03T12:00:00Z', 'Australia/Lord_Howe')).toBe('2025-10-03T21:30:00.000Z'); // 22:30 → 08:00, both +10:30
    // Clocks go from +10:30 to +11 (half an hour) at 02:00 on Sunday 2025-10-05.
    expect(next('2025-10-04T12:00:00Z', 'Australia/Lord_Howe')).toBe('2025-10-04T21:00:00.000Z');
  });

  it('opens at the jump when the window starts inside a skipped hour', () => {
    // 02:30 does not exist in New York on 2025-03-09: the window opens at 03:00 EDT.
    expect(next('2025-03-09T06:00:00Z', 'America/New_York', { start: '02:30', end: '21:00' })).toBe('2025-03-09T07:00:00.000Z');
  });

  it('handles a window that crosses midnight', () => {
    expect(next('2025-06-02T12:00:00Z', 'Europe/Paris', { start: '22:00', end: '06:00' })).toBe('2025-06-02T20:00:00.000Z');
  });

  it('always lands on an open instant, right after a quiet one, within a day', () => {
    const zones = ['America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Asia/Kathmandu', 'UTC'];
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), hhmm, hhmm, (now, zone, start, end) => {
        fc.pre(start !== end);
        const window = { start, end };
        const result = nextSendTime(now, zone, window);
        expect(isWithinQuietHours(result, zone, window)).toBe(false);
        expect(result.getTime()).toBeGreaterThanOrEqual(now.getTime());
        if (result.getTime() > now.getTime()) {
          expect(result.getTime() - now.getTime()).toBeLessThanOrEqual(26 * 3_600_000);
          expect(isWithinQuietHours(new Date(result.getTime() - 1000), zone, window)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('instantOfWallTime', () => {
  it('gives the first occurrence of a repeated wall time', () => {
    const wall = { year: 2025, month: 11, day: 2, hour: 1, minute: 30 };
    expect(new Date(instantOfWallTime(wall, 'America/New_York')).toISOString()).toBe('2025-11-02T05:30:00.000Z');
    expect(new Date(instantOfWallTime(wall, 'America/New_York', Date.parse('2025-11-02T06:00:00Z'))).toISOString()).toBe('2025-11-02T06:30:00.000Z');
  });
});
