import { z } from 'zod';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { dayOfWeek, isBeijingDate, yearOf, type BeijingDate } from './beijing-date';
import type { CalendarData } from './calendar';

/**
 * Where the working-day calendar comes from: the State Council's yearly holiday notices as packaged
 * by `chinese-days` (its raw JSON, not its functions, which read the host clock and time zone), with
 * the office's own entries for years the package does not know yet.
 */

const PACKAGE_HOLIDAYS: readonly BeijingDate[] = Object.keys(chineseDays.holidays);
const PACKAGE_WORKDAYS: readonly BeijingDate[] = Object.keys(chineseDays.workdays);

/** Years whose official notice ships with the package (2004–2026 in chinese-days 1.5.7). */
export const PACKAGE_YEARS: readonly number[] = [...new Set(PACKAGE_HOLIDAYS.map(yearOf))].sort((a, b) => a - b);

const noticeDate = z.string().refine(isBeijingDate, 'must be a date written YYYY-MM-DD');

const yearNotice = z.object({ holidays: z.array(noticeDate), workdays: z.array(noticeDate) }).strict();

/**
 * The office's calendar file: one entry per year, copied from that year's State Council notice
 * (国务院办公厅关于某年部分节假日安排的通知). An entry replaces whatever the package says about that
 * year, so it can both add a new year and correct a wrong one. A notice may start in the last days of
 * the previous December (e.g. New Year's Day 2023 began on 2022-12-31).
 */
export const calendarOverrideSchema = z.record(z.string(), yearNotice).superRefine((override, ctx) => {
  for (const [year, notice] of Object.entries(override)) {
    if (!/^\d{4}$/.test(year)) {
      ctx.addIssue({ code: 'custom', path: [year], message: `"${year}" is not a year; year keys must be four digits, e.g. "2027"` });
      continue;
    }
    const inNotice = (date: BeijingDate) => date.startsWith(`${year}-`) || date.startsWith(`${Number(year) - 1}-12-`);
    for (const [kind, dates] of [['holidays', notice.holidays], ['workdays', notice.workdays]] as const) {
      for (const date of dates) {
        if (isBeijingDate(date) && !inNotice(date)) {
          ctx.addIssue({ code: 'custom', path: [year, kind], message: `${date} does not belong to the ${year} notice` });
        }
      }
    }
    for (const date of notice.workdays) {
      if (isBeijingDate(date) && dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6) {
        ctx.addIssue({ code: 'custom', path: [year, 'workdays'], message: `${date} is a weekday; only weekend days worked in exchange for a holiday belong here` });
      }
      if (notice.holidays.includes(date)) {
        ctx.addIssue({ code: 'custom', path: [year, 'workdays'], message: `${date} is listed both as a holiday and as a working day` });
      }
    }
  }
});

export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

/**
 * The compact calendar for the years a case can span, ready to pass to a workflow as input.
 * Dates outside fromYear–toYear are left out; `years` lists the years in range whose notice is known.
 */
export function calendarData(fromYear: number, toYear: number, override: CalendarOverride = {}): CalendarData {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`the calendar needs a range of years, not ${fromYear}–${toYear}`);
  }
  const overriddenYears = new Set(Object.keys(override).map(Number));
  const inRange = (date: BeijingDate) => yearOf(date) >= fromYear && yearOf(date) <= toYear;
  const fromPackage = (date: BeijingDate) => !overriddenYears.has(yearOf(date));
  const notices = Object.values(override);
  const pick = (packaged: readonly BeijingDate[], overridden: BeijingDate[]) =>
    [...new Set([...packaged.filter(fromPackage), ...overridden])].filter(inRange).sort();

  return {
    years: [...new Set([...PACKAGE_YEARS, ...overriddenYears])].filter((y) => y >= fromYear && y <= toYear).sort((a, b) => a - b),
    holidays: pick(PACKAGE_HOLIDAYS, notices.flatMap((n) => n.holidays)),
    workdays: pick(PACKAGE_WORKDAYS, notices.flatMap((n) => n.workdays)),
  };
}
