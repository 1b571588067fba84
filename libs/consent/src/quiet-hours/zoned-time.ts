/** A local calendar date and clock time, as a zone's clocks show it. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** What the zone's clocks show at an instant (throws a RangeError for an unknown zone). */
export function wallTimeAt(instant: Date | number, timeZone: string): WallTime {
  const wall: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') wall[part.type] = Number(part.value);
  }
  return { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second };
}

/** The wall time read as if it were UTC: comparable, and subtractable from an instant to give the zone's offset. */
export function wallTimeValue(wall: Omit<WallTime, 'second'> & { second?: number }): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
}

function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallTimeValue(wallTimeAt(whole, timeZone)) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The first instant, not before `notBefore`, at which the zone's clocks show `wall` or later.
 * A wall time that happens twice (clocks fall back) gives its first occurrence after `notBefore`;
 * one that never happens (clocks spring forward over it) gives the instant the clocks jump.
 */
export function instantOfWallTime(wall: Omit<WallTime, 'second'>, timeZone: string, notBefore = -Infinity): number {
  const target = wallTimeValue(wall);
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => offsetAt(target + shift, timeZone)));
  const candidates = [...offsets].map((offset) => target - offset).sort((a, b) => a - b);
  const exact = candidates.filter((t) => wallTimeValue(wallTimeAt(t, timeZone)) === target && t >= notBefore);
  if (exact.length) return exact[0];
  // In a spring-forward gap: the clocks pass from before `wall` to after it somewhere between the candidates.
  let before = candidates[0];
  let after = candidates[candidates.length - 1];
  while (after - before > 1000) {
    const middle = Math.floor((before + after) / 2000) * 1000;
    if (wallTimeValue(wallTimeAt(middle, timeZone)) >= target) after = middle;
    else before = middle;
  }
  return after;
}
