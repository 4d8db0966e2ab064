import { WorkingCalendar } from '../../../domain/calendar';
import { calendarData } from '../../../domain/official-calendar';
import {
  DEFAULT_POLICY,
  deadlineAfter,
  describeSpec,
  extendHandling,
  parseIsoDuration,
  policyFileSchema,
  reminderAt,
  resolvePolicy,
  type CasePolicy,
  type DeadlineSpec,
} from '../../../domain/policy';

const calendar = new WorkingCalendar(calendarData(2025, 2027));
/** A Beijing wall-clock time as an instant. */
const beijing = (dateTime: string) => new Date(`${dateTime}+08:00`);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('ISO-8601 durations in the policy file', () => {
  it.each<[string, DeadlineSpec]>([
    ['P30D', { kind: 'calendar_days', days: 30 }],
    ['P90D', { kind: 'calendar_days', days: 90 }],
    ['PT5S', { kind: 'elapsed', ms: 5_000 }],
    ['PT1M30S', { kind: 'elapsed', ms: 90_000 }],
    ['PT2H', { kind: 'elapsed', ms: 7_200_000 }],
    ['PT0.5S', { kind: 'elapsed', ms: 500 }],
    ['P1DT12H', { kind: 'elapsed', ms: 129_600_000 }],
    ['P1DT0S', { kind: 'elapsed', ms: 86_400_000 }],
  ])('%s means %j', (text, spec) => {
    expect(parseIsoDuration(text)).toEqual({ ok: true, spec });
  });

  it.each([
    ['P1Y', '"P1Y" uses years or months, which have no fixed length; write the duration in days, e.g. "P30D"'],
    ['P2M', '"P2M" uses years or months, which have no fixed length; write the duration in days, e.g. "P30D"'],
    ['P1Y2M3D', '"P1Y2M3D" uses years or months, which have no fixed length; write the duration in days, e.g. "P30D"'],
    ['P2W', '"P2W" uses weeks; write the duration in days, e.g. "P14D"'],
    ['P0D', '"P0D" is zero; a time limit must be longer than that'],
    ['PT0S', '"PT0S" is zero; a time limit must be longer than that'],
    ['P3651D', '"P3651D" is longer than 3650 days'],
  ])('rejects %s: %s', (text, reason) => {
    expect(parseIsoDuration(text)).toEqual({ ok: false, reason });
  });

  it.each(['', 'P', 'PT', 'P1DT', '30D', 'p30d', 'PT-5S', 'P1.5D', 'PT1.2345S', ' P30D', 'P30DT', 'PT5S5M', '30'])('rejects "%s" as not a duration', (text) => {
    expect(parseIsoDuration(text)).toEqual({ ok: false, reason: `"${text}" is not an ISO-8601 duration such as "P30D", "PT5S" or "PT1M30S"` });
  });
});

describe('the case policy', () => {
  it('by default follows the law and the office: 10 working days to review, 30 days to handle, 90 at most', () => {
    expect(resolvePolicy()).toEqual({
      review: { kind: 'working_days', days: 10 },
      sign: { kind: 'working_days', days: 3 },
      handling: { kind: 'calendar_days', days: 30 },
      handlingMax: { kind: 'calendar_days', days: 90 },
      feedback: { kind: 'working_days', days: 10 },
      reminderLead: { kind: 'working_days', days: 3 },
      escalationStep: { kind: 'working_days', days: 5 },
      publicityMin: { kind: 'calendar_days', days: 90 },
    });
  });

  it('a demo policy file shortens any entry and keeps the rest', () => {
    const policy = resolvePolicy({ review: 'PT20S', handling: 'PT30S', handlingMax: 'PT1M30S', sign: { workingDays: 1 } });
    expect(policy).toEqual({
      ...DEFAULT_POLICY,
      review: { kind: 'elapsed', ms: 20_000 },
      handling: { kind: 'elapsed', ms: 30_000 },
      handlingMax: { kind: 'elapsed', ms: 90_000 },
      sign: { kind: 'working_days', days: 1 },
    });
  });

  it('the resolved policy is plain JSON, ready for a workflow input', () => {
    const policy = resolvePolicy({ feedback: 'PT10S' });
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  it('rejects a policy file with every problem listed', () => {
    expect(() => resolvePolicy({ handling: 'P1M', sign: { workingDays: 0 }, handlng: 'P30D' })).toThrow(
      [
        'The policy file is invalid:',
        '✖ Unrecognized key: "handlng"',
        '✖ workingDays must be a whole number from 1 to 3650',
        '  → at sign',
        '✖ "P1M" uses years or months, which have no fixed length; write the duration in days, e.g. "P30D"',
        '  → at handling',
      ].join('\n'),
    );
  });

  it.each([
    [{ review: 10 }, 'must be an ISO-8601 duration such as "P30D" or "PT5S", or { "workingDays": n }'],
    [{ review: { workingDays: 2.5 } }, 'workingDays must be a whole number from 1 to 3650'],
    [{ review: { workingDays: '2' } }, 'workingDays must be a whole number from 1 to 3650'],
    [{ review: { workingDays: 2, days: 3 } }, 'must be an ISO-8601 duration such as "P30D" or "PT5S", or { "workingDays": n }'],
    [{ review: { calendarDays: 2 } }, 'must be an ISO-8601 duration such as "P30D" or "PT5S", or { "workingDays": n }'],
    [{ review: null }, 'must be an ISO-8601 duration such as "P30D" or "PT5S", or { "workingDays": n }'],
  ])('rejects the entry %j', (file, message) => {
    const parsed = policyFileSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it('rejects a file that is not an object', () => {
    expect(() => resolvePolicy([])).toThrow('The policy file is invalid');
    expect(() => resolvePolicy('P30D')).toThrow('The policy file is invalid');
  });

  it('rejects a maximum shorter than the handling period', () => {
    expect(() => resolvePolicy({ handlingMax: 'P20D' })).toThrow('The policy file is invalid: handlingMax (20 days) is shorter than handling (30 days)');
    expect(() => resolvePolicy({ handling: 'PT1M', handlingMax: 'PT30S' })).toThrow('handlingMax (PT30S) is shorter than handling (PT1M)');
  });

  it.each<[DeadlineSpec, string]>([
    [{ kind: 'working_days', days: 1 }, '1 working day'],
    [{ kind: 'working_days', days: 10 }, '10 working days'],
    [{ kind: 'calendar_days', days: 30 }, '30 days'],
    [{ kind: 'elapsed', ms: 90_000 }, 'PT1M30S'],
    [{ kind: 'elapsed', ms: 129_600_500 }, 'P1DT12H0.5S'],
  ])('describes %j as "%s"', (spec, text) => {
    expect(describeSpec(spec)).toBe(text);
  });
});

describe('deadlines', () => {
  describe('in working days: the end of the n-th working day after the start day, Beijing time', () => {
    it('a complaint filed on Friday 2026-02-13 must be reviewed by the end of 5 March, after the Spring Festival', () => {
      expect(iso(deadlineAfter(beijing('2026-02-13T15:00:00'), DEFAULT_POLICY.review, calendar))).toBe('2026-03-05T15:59:59.999Z');
    });

    it('filed at 23:30 the same Friday, the deadline is the same', () => {
      expect(iso(deadlineAfter(beijing('2026-02-13T23:30:00'), DEFAULT_POLICY.review, calendar))).toBe('2026-03-05T15:59:59.999Z');
    });

    it('filed at 00:30 on Saturday 14 February in Beijing (still the 13th in UTC), the day counted from is the 14th', () => {
      const start = beijing('2026-02-14T00:30:00');
      expect(start.toISOString()).toBe('2026-02-13T16:30:00.000Z');
      expect(iso(deadlineAfter(start, DEFAULT_POLICY.review, calendar))).toBe('2026-03-06T15:59:59.999Z');
    });

    it('a case forwarded on 30 September 2026 must be signed for within 3 working days: by 10 October, a Saturday worked', () => {
      expect(iso(deadlineAfter(beijing('2026-09-30T10:00:00'), DEFAULT_POLICY.sign, calendar))).toBe('2026-10-10T15:59:59.999Z');
    });
  });

  describe('in calendar days: holidays do not stop the clock', () => {
    it.each([
      ['30 days from 2026-02-10, across the 2026 Spring Festival', '2026-02-10T10:00:00', 30, '2026-03-12'],
      ['90 days from 2026-02-10, across the 2026 Spring Festival', '2026-02-10T10:00:00', 90, '2026-05-11'],
      ['30 days from 2026-09-20, across the 2026 National Day', '2026-09-20T10:00:00', 30, '2026-10-20'],
      ['90 days from 2026-09-15, across the 2026 National Day', '2026-09-15T10:00:00', 90, '2026-12-14'],
      ['30 days from 2027-01-25, across the 2027 Spring Festival', '2027-01-25T10:00:00', 30, '2027-02-24'],
      ['90 days from 2026-12-01, into 2027', '2026-12-01T10:00:00', 90, '2027-03-01'],
      ['30 days from 2027-09-20, across the 2027 National Day', '2027-09-20T10:00:00', 30, '2027-10-20'],
      ['90 days from 2027-08-01, across the 2027 National Day', '2027-08-01T10:00:00', 90, '2027-10-30'],
    ])('%s end at midnight on %s', (_, start, days, lastDay) => {
      const due = deadlineAfter(beijing(start), { kind: 'calendar_days', days }, calendar);
      expect(iso(due)).toBe(beijing(`${lastDay}T23:59:59.999`).toISOString());
    });
  });

  describe('in working days across the Spring Festival and National Day', () => {
    const withOffice2027 = new WorkingCalendar(
      calendarData(2026, 2027, {
        // Illustrative office entry: the real 2027 notice was not yet published.
        '2027': { holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'], workdays: ['2027-02-20', '2027-10-09'] },
      }),
    );
    it.each([
      { name: '10 working days from 2026-02-13 (Spring Festival 2026)', cal: calendar, start: '2026-02-13T10:00:00', lastDay: '2026-03-05' },
      // 28–30 Sep, 8, 9, Sat 10 (worked), 12–15 Oct.
      { name: '10 working days from 2026-09-24 (National Day 2026)', cal: calendar, start: '2026-09-24T10:00:00', lastDay: '2026-10-15' },
      { name: '10 working days from 2027-02-01 (Spring Festival 2027, office entry)', cal: withOffice2027, start: '2027-02-01T10:00:00', lastDay: '2027-02-20' },
      // 28–30 Sep, 8, Sat 9 (worked), 11–15 Oct.
      { name: '10 working days from 2027-09-27 (National Day 2027, office entry)', cal: withOffice2027, start: '2027-09-27T10:00:00', lastDay: '2027-10-15' },
    ])('$name end on $lastDay', ({ cal, start, lastDay }) => {
      expect(iso(deadlineAfter(beijing(start), { kind: 'working_days', days: 10 }, cal))).toBe(beijing(`${lastDay}T23:59:59.999`).toISOString());
    });
  });

  it('a shortened demo duration is exact', () => {
    expect(iso(deadlineAfter(new Date('2026-02-13T07:00:00.250Z'), { kind: 'elapsed', ms: 5_000 }, calendar))).toBe('2026-02-13T07:00:05.250Z');
  });
});

describe('reminders (催办) before a deadline', () => {
  const lead = DEFAULT_POLICY.reminderLead;

  it('go out at 09:00 Beijing time, 3 working days before the due day', () => {
    const start = beijing('2026-02-13T15:00:00');
    const due = deadlineAfter(start, DEFAULT_POLICY.review, calendar);
    expect(iso(reminderAt(start, due, lead, calendar))).toBe(beijing('2026-03-02T09:00:00').toISOString());
  });

  it('count back over the Spring Festival: due on 25 February 2026, reminded on Friday 13 February', () => {
    const due = beijing('2026-02-25T23:59:59.999');
    expect(iso(reminderAt(beijing('2026-02-01T10:00:00'), due, lead, calendar))).toBe(beijing('2026-02-13T09:00:00').toISOString());
  });

  it('are not sent when that moment would come before the stage started', () => {
    const start = beijing('2026-03-02T10:00:00');
    const due = deadlineAfter(start, DEFAULT_POLICY.sign, calendar);
    expect(reminderAt(start, due, lead, calendar)).toBeNull();
  });

  it('in calendar days go out at 09:00 that many days before the due day', () => {
    const due = beijing('2026-04-01T23:59:59.999');
    expect(iso(reminderAt(beijing('2026-03-02T10:00:00'), due, { kind: 'calendar_days', days: 3 }, calendar))).toBe(beijing('2026-03-29T09:00:00').toISOString());
  });

  it('with a demo lead are exact, and never before the start', () => {
    const start = new Date('2026-03-02T02:00:00.000Z');
    const due = new Date('2026-03-02T02:00:30.000Z');
    expect(iso(reminderAt(start, due, { kind: 'elapsed', ms: 10_000 }, calendar))).toBe('2026-03-02T02:00:20.000Z');
    expect(reminderAt(start, due, { kind: 'elapsed', ms: 30_000 }, calendar)).toBeNull();
    expect(reminderAt(start, due, { kind: 'elapsed', ms: 45_000 }, calendar)).toBeNull();
  });
});

describe('extensions of the handling period (延期)', () => {
  const receivedAt = beijing('2026-03-02T10:00:00');
  const firstDue = deadlineAfter(receivedAt, DEFAULT_POLICY.handling, calendar);
  const request = (currentDue: Date, requestedDays: number, policy: CasePolicy = DEFAULT_POLICY, cal = calendar) =>
    extendHandling({ receivedAt, currentDue, requestedDays, policy, calendar: cal });

  it('received 2 March, the unit must answer by the end of 1 April', () => {
    expect(iso(firstDue)).toBe(beijing('2026-04-01T23:59:59.999').toISOString());
  });

  it('30 more days move the deadline to the end of 1 May', () => {
    expect(request(firstDue, 30)).toEqual({ ok: true, due: beijing('2026-05-01T23:59:59.999') });
  });

  it('60 more days reach exactly the 90-day limit, 31 May', () => {
    expect(request(firstDue, 60)).toEqual({ ok: true, due: beijing('2026-05-31T23:59:59.999') });
  });

  it('61 more days are refused with how many could still be granted', () => {
    expect(request(firstDue, 61)).toEqual({
      ok: false,
      reason: 'An extension of 61 days would take handling past the 90-day limit in total; at most 60 more days can be granted.',
    });
  });

  it('after a first extension of 30 days, a second one of 31 days is refused, 30 allowed', () => {
    const extended = beijing('2026-05-01T23:59:59.999');
    expect(request(extended, 31)).toEqual({
      ok: false,
      reason: 'An extension of 31 days would take handling past the 90-day limit in total; at most 30 more days can be granted.',
    });
    expect(request(extended, 30)).toEqual({ ok: true, due: beijing('2026-05-31T23:59:59.999') });
  });

  it('once the limit is reached nothing more is granted', () => {
    expect(request(beijing('2026-05-31T23:59:59.999'), 1)).toEqual({
      ok: false,
      reason: 'Handling has already reached the 90-day limit in total, so no further extension can be granted.',
    });
  });

  it('one day left is said in the singular', () => {
    expect(request(beijing('2026-05-30T23:59:59.999'), 2)).toEqual({
      ok: false,
      reason: 'An extension of 2 days would take handling past the 90-day limit in total; at most 1 more day can be granted.',
    });
  });

  it.each([0, -5, 2.5, Number.NaN])('an extension of %s days is refused', (days) => {
    expect(request(firstDue, days)).toEqual({ ok: false, reason: 'An extension must be a whole number of days, at least 1.' });
  });

  describe('with a demo policy, a day of extension is 1/30 of the handling period', () => {
    const demo = resolvePolicy({ handling: 'PT30S', handlingMax: 'PT1M30S' });
    const due = deadlineAfter(receivedAt, demo.handling, calendar);

    it('PT30S handling: 15 days add 15 seconds, 60 days reach the PT1M30S limit', () => {
      expect(request(due, 15, demo)).toEqual({ ok: true, due: new Date(receivedAt.getTime() + 45_000) });
      expect(request(due, 60, demo)).toEqual({ ok: true, due: new Date(receivedAt.getTime() + 90_000) });
    });

    it('PT30S handling: 61 days are refused against the PT1M30S limit', () => {
      expect(request(due, 61, demo)).toEqual({
        ok: false,
        reason: 'An extension of 61 days would take handling past the limit of PT1M30S in total; at most 60 more days can be granted.',
      });
    });

    it('PT1M handling: one day adds 2 seconds, 30 days add a minute', () => {
      const minute = resolvePolicy({ handling: 'PT1M', handlingMax: 'PT3M' });
      const minuteDue = deadlineAfter(receivedAt, minute.handling, calendar);
      expect(request(minuteDue, 1, minute)).toEqual({ ok: true, due: new Date(receivedAt.getTime() + 62_000) });
      expect(request(minuteDue, 30, minute)).toEqual({ ok: true, due: new Date(receivedAt.getTime() + 120_000) });
    });
  });

  it('with handling counted in working days, an extension counts working days too', () => {
    const policy = resolvePolicy({ handling: { workingDays: 20 }, handlingMax: { workingDays: 60 } });
    const received = beijing('2026-01-15T10:00:00');
    const extend = (currentDue: Date, requestedDays: number) => extendHandling({ receivedAt: received, currentDue, requestedDays, policy, calendar });
    // 5 working days after Friday 13 February 2026: Sat 14 (worked), 24, 25, 26, 27 February.
    expect(extend(beijing('2026-02-13T23:59:59.999'), 5)).toEqual({ ok: true, due: beijing('2026-02-27T23:59:59.999') });
    // 60 working days after 15 January 2026, past the Spring Festival and Qingming (4–6 April): 16 April.
    const limit = deadlineAfter(received, policy.handlingMax, calendar);
    expect(iso(limit)).toBe(beijing('2026-04-16T23:59:59.999').toISOString());
    expect(extend(beijing('2026-04-13T23:59:59.999'), 3)).toEqual({ ok: true, due: limit });
    expect(extend(beijing('2026-04-14T23:59:59.999'), 3)).toEqual({
      ok: false,
      reason: 'An extension of 3 days would take handling past the 60-working-day limit in total; at most 2 more days can be granted.',
    });
  });
});
