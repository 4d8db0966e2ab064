/**
 * Calendar dates as the office sees them: Beijing time (Asia/Shanghai) is UTC+8 all year, with no
 * daylight saving, so the conversion is plain arithmetic and never depends on the host's zone.
 */

/** A Beijing calendar date written YYYY-MM-DD. */
export type BeijingDate = string;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBeijingDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function assertBeijingDate(date: BeijingDate): void {
  if (!isBeijingDate(date)) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
}

/** Days since 1970-01-01: the one representation all date arithmetic goes through. */
export function dayNumber(date: BeijingDate): number {
  assertBeijingDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateFromDayNumber(days: number): BeijingDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function beijingDateOf(instant: Date): BeijingDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('the instant is not a valid date');
  return dateFromDayNumber(Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS));
}

/** 00:00:00.000 Beijing time on the date. */
export function startOfBeijingDay(date: BeijingDate): Date {
  return new Date(dayNumber(date) * DAY_MS - BEIJING_OFFSET_MS);
}

/** 23:59:59.999 Beijing time on the date: a deadline "on" a day may be met until then. */
export function endOfBeijingDay(date: BeijingDate): Date {
  return new Date((dayNumber(date) + 1) * DAY_MS - BEIJING_OFFSET_MS - 1);
}

/** The moment the given Beijing clock time is reached on the date. */
export function atBeijingTime(date: BeijingDate, hour: number, minute = 0): Date {
  return new Date(dayNumber(date) * DAY_MS - BEIJING_OFFSET_MS + (hour * 60 + minute) * 60_000);
}

export function addDays(date: BeijingDate, days: number): BeijingDate {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** How many days `to` lies after `from` (negative when before). */
export function daysBetween(from: BeijingDate, to: BeijingDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: BeijingDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: BeijingDate): number {
  assertBeijingDate(date);
  return Number(date.slice(0, 4));
}
