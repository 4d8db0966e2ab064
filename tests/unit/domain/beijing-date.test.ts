import {
  addDays,
  atBeijingTime,
  beijingDateOf,
  dateFromDayNumber,
  dayNumber,
  dayOfWeek,
  daysBetween,
  endOfBeijingDay,
  isBeijingDate,
  startOfBeijingDay,
  yearOf,
} from '../../../domain/beijing-date';

describe('Beijing calendar dates (UTC+8, no daylight saving)', () => {
  it.each([
    ['2026-02-13T15:59:59.999Z', '2026-02-13'],
    ['2026-02-13T16:00:00.000Z', '2026-02-14'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2026-06-30T23:00:00.000Z', '2026-07-01'],
    ['1969-12-31T20:00:00.000Z', '1970-01-01'],
  ])('the instant %s falls on %s in Beijing', (instant, date) => {
    expect(beijingDateOf(new Date(instant))).toBe(date);
  });

  it('a Beijing day runs from 16:00 UTC the day before to 15:59:59.999 UTC', () => {
    expect(startOfBeijingDay('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(endOfBeijingDay('2026-10-01').toISOString()).toBe('2026-10-01T15:59:59.999Z');
    expect(atBeijingTime('2026-10-01', 9).toISOString()).toBe('2026-10-01T01:00:00.000Z');
    expect(atBeijingTime('2026-10-01', 17, 30).toISOString()).toBe('2026-10-01T09:30:00.000Z');
  });

  it('counts and adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-10', 30)).toBe('2026-03-12');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-03-12', '2026-02-10')).toBe(-30);
  });

  it.each([
    ['2026-02-13', 5],
    ['2026-02-14', 6],
    ['2026-02-15', 0],
    ['2026-10-01', 4],
    ['2027-02-06', 6],
    ['1970-01-01', 4],
    ['1969-12-28', 0],
  ])('%s is day %i of the week (0 = Sunday)', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it('round-trips day numbers', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-01-01')).toBe(20454);
    expect(dateFromDayNumber(20454)).toBe('2026-01-01');
    expect(yearOf('2027-10-01')).toBe(2027);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '2026/01/01', '', '2026-01-01T00:00'])(
    'rejects "%s" as a date',
    (text) => {
      expect(isBeijingDate(text)).toBe(false);
      expect(() => dayNumber(text)).toThrow(`"${text}" is not a date written YYYY-MM-DD`);
      expect(() => yearOf(text)).toThrow(RangeError);
    },
  );

  it('accepts leap days only in leap years', () => {
    expect(isBeijingDate('2028-02-29')).toBe(true);
    expect(isBeijingDate('2100-02-29')).toBe(false);
  });

  it('refuses an invalid instant instead of producing a wrong date', () => {
    expect(() => beijingDateOf(new Date('not a date'))).toThrow('the instant is not a valid date');
  });
});
