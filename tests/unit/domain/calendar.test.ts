import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { addDays, dateFromDayNumber, dayNumber } from '../../../domain/beijing-date';
import { WorkingCalendar, type CalendarData } from '../../../domain/calendar';
import { calendarData, calendarOverrideSchema, PACKAGE_YEARS, type CalendarOverride } from '../../../domain/official-calendar';

const calendar = new WorkingCalendar(calendarData(2004, 2030));

/**
 * What an office entry for 2027 looks like. ILLUSTRATIVE ONLY: the State Council had not published
 * the 2027 notice when this was written, so these dates are made up around the real festival days
 * (Spring Festival eve 2027-02-05, National Day 2027-10-01) to show that the office's entry is used.
 */
const OFFICE_2027: CalendarOverride = {
  '2027': {
    holidays: ['2027-01-01', ...range('2027-02-05', 7), ...range('2027-10-01', 7)],
    workdays: ['2027-02-20', '2027-09-26', '2027-10-09'],
  },
};

function range(first: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(first, i));
}

describe('the official working-day calendar', () => {
  it('ships the State Council notices for 2004–2026 (chinese-days 1.5.7) and nothing later', () => {
    expect(PACKAGE_YEARS[0]).toBe(2004);
    expect(PACKAGE_YEARS.at(-1)).toBe(2026);
    expect(PACKAGE_YEARS).toHaveLength(23);
    expect(calendar.covers('2026-12-31')).toBe(true);
    expect(calendar.covers('2027-01-01')).toBe(false);
  });

  describe('Spring Festival 2026: off 15–23 February, Saturdays 14 and 28 February worked', () => {
    it.each([
      ['2026-02-13', true, 'the Friday before'],
      ['2026-02-14', true, 'a Saturday worked in exchange (调休上班)'],
      ['2026-02-15', false, 'the first day off'],
      ['2026-02-16', false, 'a Monday inside the holiday'],
      ['2026-02-21', false, 'a Saturday inside the holiday'],
      ['2026-02-23', false, 'the last day off, a Monday'],
      ['2026-02-24', true, 'the first day back'],
      ['2026-02-28', true, 'the second Saturday worked'],
      ['2026-03-01', false, 'an ordinary Sunday'],
      ['2026-03-07', false, 'an ordinary Saturday'],
    ])('%s is a working day: %s (%s)', (date, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });

    it('10 working days from 2026-02-13 skip the Spring Festival holiday', () => {
      const counted = range('2026-02-14', 20).filter((d) => calendar.isWorkingDay(d)).slice(0, 10);
      expect(counted).toEqual([
        '2026-02-14',
        '2026-02-24',
        '2026-02-25',
        '2026-02-26',
        '2026-02-27',
        '2026-02-28',
        '2026-03-02',
        '2026-03-03',
        '2026-03-04',
        '2026-03-05',
      ]);
      expect(calendar.addWorkingDays('2026-02-13', 10)).toBe('2026-03-05');
      expect(calendar.workingDaysBetween('2026-02-13', '2026-03-05')).toBe(10);
    });

    it('counting back from the first day after the holiday lands on the Saturday worked before it', () => {
      expect(calendar.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-24', -2)).toBe('2026-02-13');
    });
  });

  describe('Mid-Autumn and National Day 2026: off 25–27 September and 1–7 October, 20 September and 10 October worked', () => {
    it.each([
      ['2026-09-20', true],
      ['2026-09-25', false],
      ['2026-09-30', true],
      ['2026-10-01', false],
      ['2026-10-07', false],
      ['2026-10-08', true],
      ['2026-10-10', true],
      ['2026-10-11', false],
    ])('%s is a working day: %s', (date, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });

    it('the working day after 30 September is 8 October', () => {
      expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    });

    it('5 working days from the Mid-Autumn holiday end on 9 October', () => {
      expect(calendar.addWorkingDays('2026-09-25', 5)).toBe('2026-10-09');
    });

    it('from 30 September to 12 October there are 4 working days, the Saturday 10 October among them', () => {
      expect(calendar.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
      expect(calendar.workingDaysBetween('2026-10-12', '2026-09-30')).toBe(-4);
    });
  });

  it('agrees with the chinese-days package’s own functions on every day from 2004 to 2026', () => {
    // Those functions read the host's time zone and misplace every date west of UTC, which is why
    // the domain uses the package's data only. Run in Beijing time, as intended, they are an
    // independent check of how we read that data.
    const script = `
      const { isWorkday } = require('chinese-days');
      const daysOff = [];
      for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86400000) {
        const date = new Date(t).toISOString().slice(0, 10);
        if (!isWorkday(date)) daysOff.push(date);
      }
      process.stdout.write(JSON.stringify(daysOff));`;
    const packageDaysOff = JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8' })) as string[];
    const ourDaysOff: string[] = [];
    for (let day = dayNumber('2004-01-01'); day <= dayNumber('2026-12-31'); day += 1) {
      if (!calendar.isWorkingDay(dateFromDayNumber(day))) ourDaysOff.push(dateFromDayNumber(day));
    }
    expect(packageDaysOff.length).toBeGreaterThan(2500);
    expect(ourDaysOff).toEqual(packageDaysOff);
  });

  it('addWorkingDays and workingDaysBetween are inverses, and the result is always a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2004-01-01'), max: dayNumber('2026-10-01') }), fc.integer({ min: 1, max: 60 }), (day, n) => {
        const start = dateFromDayNumber(day);
        const end = calendar.addWorkingDays(start, n);
        expect(calendar.isWorkingDay(end)).toBe(true);
        expect(calendar.workingDaysBetween(start, end)).toBe(n);
        expect(calendar.workingDaysBetween(start, addDays(end, -1))).toBe(n - 1);
      }),
    );
  });

  it('0 working days from a date is the date itself, even a holiday', () => {
    expect(calendar.addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-01')).toBe(0);
  });

  it('refuses fractional counts and malformed dates', () => {
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow('a number of working days must be a whole number, not 1.5');
    expect(() => calendar.addWorkingDays('2026-03-02', Number.NaN)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow('"2026-02-30" is not a date written YYYY-MM-DD');
    expect(() => calendar.workingDaysBetween('2026-03-02', '2026/03/09')).toThrow(RangeError);
  });

  describe('2027, which the package does not know yet', () => {
    const packageOnly = new WorkingCalendar(calendarData(2026, 2027));
    const withOffice = new WorkingCalendar(calendarData(2026, 2027, OFFICE_2027));

    it('without the office entry, 2027 counts Monday to Friday only and says so', () => {
      expect(packageOnly.covers('2027-02-08')).toBe(false);
      expect(packageOnly.isWorkingDay('2027-01-01')).toBe(true);
      expect(packageOnly.isWorkingDay('2027-10-01')).toBe(true);
      expect(packageOnly.isWorkingDay('2027-02-06')).toBe(false);
    });

    it("with the office's entry, its holidays and worked weekends apply", () => {
      expect(withOffice.covers('2027-02-08')).toBe(true);
      expect(withOffice.data.years).toEqual([2026, 2027]);
      expect(withOffice.isWorkingDay('2027-01-01')).toBe(false);
      expect(withOffice.isWorkingDay('2027-02-08')).toBe(false);
      expect(withOffice.isWorkingDay('2027-02-20')).toBe(true);
      expect(withOffice.isWorkingDay('2027-10-01')).toBe(false);
      expect(withOffice.isWorkingDay('2027-09-26')).toBe(true);
    });

    it('10 working days from 2027-02-01 cross the Spring Festival: 20 February with the entry, 15 February without', () => {
      expect(withOffice.addWorkingDays('2027-02-01', 10)).toBe('2027-02-20');
      expect(packageOnly.addWorkingDays('2027-02-01', 10)).toBe('2027-02-15');
    });

    it('working days from the end of 2026 into National Day 2027 use both years', () => {
      expect(withOffice.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
      expect(withOffice.addWorkingDays('2027-09-30', 1)).toBe('2027-10-08');
      // Sun 26 Sep (worked), 27–30 Sep, Fri 8 Oct, Sat 9 Oct (worked), Mon 11 Oct.
      expect(withOffice.workingDaysBetween('2027-09-24', '2027-10-11')).toBe(8);
      expect(packageOnly.workingDaysBetween('2027-09-24', '2027-10-11')).toBe(11);
    });
  });

  describe('the office override', () => {
    it('replaces what the package says about the year it names, and only that year', () => {
      const corrected = new WorkingCalendar(calendarData(2025, 2026, { '2026': { holidays: ['2026-10-01'], workdays: [] } }));
      expect(corrected.isWorkingDay('2026-02-16')).toBe(true);
      expect(corrected.isWorkingDay('2026-02-14')).toBe(false);
      expect(corrected.isWorkingDay('2026-10-01')).toBe(false);
      expect(corrected.isWorkingDay('2025-01-26')).toBe(true);
      expect(corrected.isWorkingDay('2025-01-28')).toBe(false);
    });

    it('accepts a notice that starts in the previous December', () => {
      const parsed = calendarOverrideSchema.safeParse({ '2028': { holidays: ['2027-12-31', '2028-01-01'], workdays: [] } });
      expect(parsed.success).toBe(true);
    });

    it.each([
      [{ '2027': { holidays: ['2028-01-01'], workdays: [] } }, '2028-01-01 does not belong to the 2027 notice'],
      [{ '2027': { holidays: ['2026-11-30'], workdays: [] } }, '2026-11-30 does not belong to the 2027 notice'],
      [{ '2027': { holidays: [], workdays: ['2027-02-03'] } }, '2027-02-03 is a weekday; only weekend days worked in exchange for a holiday belong here'],
      [{ '2027': { holidays: ['2027-02-06'], workdays: ['2027-02-06'] } }, '2027-02-06 is listed both as a holiday and as a working day'],
      [{ '2027': { holidays: ['2027-02-30'], workdays: [] } }, 'must be a date written YYYY-MM-DD'],
      [{ '27': { holidays: [], workdays: [] } }, 'year keys must be four digits, e.g. "2027"'],
      [{ '2027': { holidays: [] } }, 'expected array'],
      [{ '2027': { holidays: [], workdays: [], notes: 'x' } }, 'Unrecognized key'],
    ])('rejects %j: %s', (override, message) => {
      const parsed = calendarOverrideSchema.safeParse(override);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message).join('\n')).toContain(message);
    });
  });

  describe('the compact data a workflow receives', () => {
    it('holds only the requested years, sorted, and lists which of them are covered', () => {
      const data = calendarData(2026, 2028);
      expect(data.years).toEqual([2026]);
      expect(data.holidays).toHaveLength(33);
      expect(data.holidays[0]).toBe('2026-01-01');
      expect(data.holidays.at(-1)).toBe('2026-10-07');
      expect(data.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    });

    it('survives a JSON round trip unchanged in meaning', () => {
      const data = calendarData(2025, 2027, OFFICE_2027);
      const revived = new WorkingCalendar(JSON.parse(JSON.stringify(data)) as CalendarData);
      const original = new WorkingCalendar(data);
      for (const date of range('2025-01-01', 3 * 365)) expect(revived.isWorkingDay(date)).toBe(original.isWorkingDay(date));
    });

    it('refuses a backwards or fractional range of years', () => {
      expect(() => calendarData(2027, 2026)).toThrow('the calendar needs a range of years, not 2027–2026');
      expect(() => calendarData(2026.5, 2027)).toThrow(RangeError);
    });

    it('refuses data that contradicts itself or is malformed', () => {
      expect(() => new WorkingCalendar({ years: [2026], holidays: ['2026-02-14'], workdays: ['2026-02-14'] })).toThrow(
        '2026-02-14 is listed both as a holiday and as a working day',
      );
      expect(() => new WorkingCalendar({ years: [2026], holidays: ['14/02/2026'], workdays: [] })).toThrow(
        'the calendar lists "14/02/2026" as a holiday, which is not a date written YYYY-MM-DD',
      );
    });
  });
});
