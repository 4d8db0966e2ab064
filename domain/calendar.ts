import { dateFromDayNumber, dayNumber, dayOfWeek, isBeijingDate, yearOf, type BeijingDate } from './beijing-date';

/**
 * China's official working-day calendar (工作日), including the weekends worked to make up for
 * holidays (调休上班). Built from plain data so a case workflow can receive it as input and stay
 * deterministic even when the office publishes next year's notice while the case is running.
 */
export interface CalendarData {
  /** Years whose State Council holiday notice is included. Other years count Monday–Friday only. */
  years: number[];
  /** Official days off: statutory holidays and the rest days arranged around them. */
  holidays: BeijingDate[];
  /** Weekend days that are worked in exchange for a holiday (调休上班). */
  workdays: BeijingDate[];
}

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<BeijingDate>;
  private readonly workdays: ReadonlySet<BeijingDate>;
  private readonly years: ReadonlySet<number>;

  constructor(readonly data: CalendarData) {
    this.holidays = dateSet(data.holidays, 'holiday');
    this.workdays = dateSet(data.workdays, 'working day');
    for (const date of this.workdays) {
      if (this.holidays.has(date)) throw new RangeError(`${date} is listed both as a holiday and as a working day`);
    }
    this.years = new Set(data.years);
  }

  /** Whether the official notice for the date's year is known; if not, only weekends are days off. */
  covers(date: BeijingDate): boolean {
    return this.years.has(yearOf(date));
  }

  isWorkingDay(date: BeijingDate): boolean {
    if (this.holidays.has(date)) return false;
    if (this.workdays.has(date)) return true;
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The n-th working day after `start` (before it when n is negative). `start` itself never counts,
   * so 1 working day after a Friday is the next Monday; n = 0 gives `start`.
   */
  addWorkingDays(start: BeijingDate, n: number): BeijingDate {
    if (!Number.isSafeInteger(n)) throw new RangeError(`a number of working days must be a whole number, not ${n}`);
    const step = Math.sign(n);
    let day = dayNumber(start);
    for (let remaining = Math.abs(n); remaining > 0; ) {
      day += step;
      if (this.isWorkingDay(dateFromDayNumber(day))) remaining -= 1;
    }
    return dateFromDayNumber(day);
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is earlier. The inverse
   * of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) === n for n ≥ 0.
   */
  workingDaysBetween(from: BeijingDate, to: BeijingDate): number {
    const [first, last] = [dayNumber(from), dayNumber(to)];
    const [low, high] = first <= last ? [first, last] : [last, first];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (this.isWorkingDay(dateFromDayNumber(day))) count += 1;
    }
    return first <= last ? count : -count;
  }
}

function dateSet(dates: readonly BeijingDate[], what: string): Set<BeijingDate> {
  for (const date of dates) {
    if (!isBeijingDate(date)) throw new RangeError(`the calendar lists "${date}" as a ${what}, which is not a date written YYYY-MM-DD`);
  }
  return new Set(dates);
}
