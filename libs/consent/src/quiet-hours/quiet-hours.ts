import { instantOfWallTime, wallTimeAt, wallTimeValue } from './zoned-time';

/** Local times ("HH:MM", end exclusive) between which messages may be sent; the rest of the day is quiet hours. */
export interface SendingWindow {
  start: string;
  end: string;
}

/** 8 am to 9 pm in the recipient's zone: the TCPA's hours, and a common carrier expectation elsewhere. */
export const DEFAULT_SENDING_WINDOW: SendingWindow = { start: '08:00', end: '21:00' };

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DAY_SECONDS = 86_400;

function secondsOf(time: string, field: 'start' | 'end'): number {
  const match = HH_MM.exec(time);
  const seconds = match ? Number(match[1]) * 3600 + Number(match[2]) * 60 : NaN;
  if (!match || seconds > DAY_SECONDS || (field === 'start' && seconds === DAY_SECONDS)) {
    throw new RangeError(`sending window ${field} must be a local time "HH:MM", got "${time}"`);
  }
  return seconds;
}

function isOpen(secondOfDay: number, start: number, end: number): boolean {
  if (start === end) return true;
  return start < end ? secondOfDay >= start && secondOfDay < end : secondOfDay >= start || secondOfDay < end;
}

function secondOfDay(instant: Date | number, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone);
  return wall.hour * 3600 + wall.minute * 60 + wall.second;
}

/** True when it is outside the sending window on the clocks of `timeZone` (an IANA zone) at `now`. */
export function isWithinQuietHours(now: Date, timeZone: string, window: SendingWindow = DEFAULT_SENDING_WINDOW): boolean {
  return !isOpen(secondOfDay(now, timeZone), secondsOf(window.start, 'start'), secondsOf(window.end, 'end'));
}

/**
 * `now` when it is not quiet, else the next instant the window opens in that zone. DST-safe: the local
 * start is converted back to an instant with the offset in force that day, and a start the clocks skip
 * (spring forward) opens when they jump; a day whose window is skipped entirely moves on to the next day.
 */
export function nextSendTime(now: Date, timeZone: string, window: SendingWindow = DEFAULT_SENDING_WINDOW): Date {
  const start = secondsOf(window.start, 'start');
  if (!isWithinQuietHours(now, timeZone, window)) return new Date(now.getTime());
  const today = wallTimeAt(now, timeZone);
  const firstDay = secondOfDay(now, timeZone) < start ? 0 : 1;
  for (let day = firstDay; day <= firstDay + 2; day++) {
    const date = new Date(wallTimeValue({ ...today, day: today.day + day, hour: 0, minute: 0 }));
    const opens = instantOfWallTime(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: Math.floor(start / 3600),
        minute: (start % 3600) / 60,
      },
      timeZone,
      now.getTime(),
    );
    if (opens >= now.getTime() && !isWithinQuietHours(new Date(opens), timeZone, window)) return new Date(opens);
  }
  throw new RangeError(`the sending window ${window.start}-${window.end} never opens in ${timeZone}`);
}
