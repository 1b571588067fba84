import { WEEKDAYS, type TimeWindow } from '../schema/condition.schema';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' });
    } catch {
      formatter = formatterFor('UTC');
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Minutes since local midnight and the weekday of an instant in a zone (an unknown zone counts as UTC). */
export function localClock(now: Date, timezone: string): { minutes: number; day: (typeof WEEKDAYS)[number] } {
  const parts = formatterFor(timezone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number];
  return { minutes: Number(get('hour')) * 60 + Number(get('minute')), day };
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** `after` is inclusive, `before` exclusive; a window such as 22:00–06:00 wraps past midnight. */
export function withinTimeWindow(window: TimeWindow, now: Date, timezone: string): boolean {
  const { minutes, day } = localClock(now, window.timezone ?? timezone);
  if (window.days && !window.days.includes(day)) return false;
  const after = window.after === undefined ? 0 : toMinutes(window.after);
  const before = window.before === undefined ? 24 * 60 : toMinutes(window.before);
  return after <= before ? minutes >= after && minutes < before : minutes >= after || minutes < before;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's offset from UTC in minutes at an instant (for chrono's reference); 0 for an unknown zone. */
export function zoneOffsetMinutes(now: Date, timezone: string): number {
  if (!offsetFormatters.has(timezone)) {
    try {
      offsetFormatters.set(timezone, new Intl.DateTimeFormat('en-US', {
        timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      }));
    } catch {
      offsetFormatters.set(timezone, null);
    }
  }
  const formatter = offsetFormatters.get(timezone);
  if (!formatter) return 0;
  const part = (type: string) => Number(formatter.formatToParts(now).find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(now.getTime() / 60000) * 60000) / 60000);
}
