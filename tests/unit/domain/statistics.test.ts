import {
  monthPeriod,
  oneDecimal,
  previousBeijingMonth,
  summonsReasons,
  unitStatistics,
  type StatisticsCase,
  type UnitStatistics,
} from '../../../domain/statistics';

// November 2026 in Beijing time: 2026-10-31T16:00Z up to 2026-11-30T16:00Z.
const NOVEMBER = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
const UNITS = [
  { id: 'gov-a', name: '甲县人民政府' },
  { id: 'gov-b', name: '乙区人民政府' },
];

type Step = [at: string, type: string, data?: Record<string, unknown>];
type Deadline = StatisticsCase['deadlines'][number];

/** A case as its timeline and deadlines record it; times are UTC instants in November unless said. */
function caseOf(id: string, steps: Step[], deadlines: Deadline[] = []): StatisticsCase {
  return { id, timeline: steps.map(([at, type, data = {}], i) => ({ seq: i + 1, type, at, data })), deadlines };
}
const met = (key: string, dueAt: string, metAt: string): Deadline => ({ key, name: key.split(':')[0] as Deadline['name'], dueAt, state: 'met', metAt });
const missed = (key: string, dueAt: string): Deadline => ({ key, name: key.split(':')[0] as Deadline['name'], dueAt, state: 'missed' });
const open = (key: string, dueAt: string): Deadline => ({ key, name: key.split(':')[0] as Deadline['name'], dueAt, state: 'open' });

const rowFor = (rows: UnitStatistics[], unitId: string): UnitStatistics => {
  const row = rows.find((r) => r.unitId === unitId);
  if (!row) throw new Error(`no row for ${unitId}`);
  return row;
};

const EMPTY = {
  received: 0,
  signedOnTime: 0,
  handledOnTime: 0,
  overdue: 0,
  escalation: { level1: 0, level2: 0, level3: 0 },
  averageHandlingDays: null,
  feedback: { given: 0, satisfied: 0, dissatisfied: 0, silent: 0 },
  satisfactionRate: null,
  summonsReasons: [],
};

describe('unit statistics for a period', () => {
  test('a unit with no cases still has a row of zeros, in the order the units are listed', () => {
    const rows = unitStatistics(NOVEMBER, UNITS, []);
    expect(rows).toEqual([
      { unitId: 'gov-a', unitName: '甲县人民政府', ...EMPTY },
      { unitId: 'gov-b', unitName: '乙区人民政府', ...EMPTY },
    ]);
  });

  test('a case forwarded, signed and handled on time, with a satisfied complainant, counts everywhere for its unit', () => {
    const c = caseOf(
      'c1',
      [
        ['2026-11-02T02:00:00Z', 'submitted'],
        ['2026-11-02T03:00:00Z', 'accepted'],
        ['2026-11-02T03:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-03T03:00:00Z', 'signed', { unitId: 'gov-a' }],
        ['2026-11-13T15:00:00Z', 'result_reported', { outcome: 'paid_in_full' }],
        ['2026-11-14T03:00:00Z', 'feedback_given', { satisfied: true }],
        ['2026-11-14T03:00:00Z', 'closed'],
      ],
      [met('review:1', '2026-11-05T15:59:59.999Z', '2026-11-02T03:00:00Z'), met('sign:1', '2026-11-05T15:59:59.999Z', '2026-11-03T03:00:00Z'), met('handling:1', '2026-12-01T15:59:59.999Z', '2026-11-13T15:00:00Z'), met('feedback:1', '2026-11-20T15:59:59.999Z', '2026-11-14T03:00:00Z')],
    );
    const row = rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-a');
    expect(row).toEqual({
      unitId: 'gov-a',
      unitName: '甲县人民政府',
      received: 1,
      signedOnTime: 1,
      handledOnTime: 1,
      overdue: 0,
      escalation: { level1: 0, level2: 0, level3: 0 },
      averageHandlingDays: '10.5',
      feedback: { given: 1, satisfied: 1, dissatisfied: 0, silent: 0 },
      satisfactionRate: '100.0',
      summonsReasons: [],
    });
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-b')).toEqual({ unitId: 'gov-b', unitName: '乙区人民政府', ...EMPTY });
  });

  test('the unit that lets the sign-for deadline pass is overdue and its case climbs the ladder; the case counts once at its highest level', () => {
    const c = caseOf(
      'late',
      [
        ['2026-11-02T03:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-05T16:00:00Z', 'deadline_missed', { deadline: 'sign' }],
        ['2026-11-05T16:00:00Z', 'escalated', { level: 1, unitId: 'gov-a' }],
        ['2026-11-10T16:00:00Z', 'escalated', { level: 2, unitId: 'gov-a' }],
        ['2026-11-11T02:00:00Z', 'signed', { unitId: 'gov-a' }],
      ],
      [missed('sign:1', '2026-11-05T15:59:59.999Z'), open('handling:1', '2026-12-10T15:59:59.999Z')],
    );
    const row = rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-a');
    expect(row).toMatchObject({ received: 1, signedOnTime: 0, handledOnTime: 0, overdue: 1, escalation: { level1: 0, level2: 1, level3: 0 }, averageHandlingDays: null });
  });

  test('a case missing both its sign and handling deadlines is one overdue case, not two', () => {
    const c = caseOf(
      'twice-late',
      [
        ['2026-11-02T03:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-09T03:00:00Z', 'signed'],
      ],
      [missed('sign:1', '2026-11-05T15:59:59.999Z'), missed('handling:1', '2026-11-25T15:59:59.999Z')],
    );
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-a').overdue).toBe(1);
  });

  test('reassigned cases: the first unit answers for the sign deadline it missed, the second is credited with its own signing and handling', () => {
    const c = caseOf(
      'moved',
      [
        ['2026-11-02T03:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-04T03:00:00Z', 'returned_by_unit', { unitId: 'gov-a' }],
        ['2026-11-04T05:00:00Z', 'forwarded', { unitId: 'gov-b' }],
        ['2026-11-05T05:00:00Z', 'signed', { unitId: 'gov-b' }],
        ['2026-11-07T05:00:00Z', 'result_reported'],
        ['2026-11-08T05:00:00Z', 'feedback_given', { satisfied: false }],
      ],
      [missed('sign:1', '2026-11-03T15:59:59.999Z'), met('sign:2', '2026-11-07T15:59:59.999Z', '2026-11-05T05:00:00Z'), met('handling:1', '2026-12-05T15:59:59.999Z', '2026-11-07T05:00:00Z')],
    );
    const rows = unitStatistics(NOVEMBER, UNITS, [c]);
    expect(rowFor(rows, 'gov-a')).toMatchObject({ received: 1, signedOnTime: 0, handledOnTime: 0, overdue: 1, feedback: { given: 0, satisfied: 0, dissatisfied: 0, silent: 0 } });
    expect(rowFor(rows, 'gov-b')).toMatchObject({
      received: 1,
      signedOnTime: 1,
      handledOnTime: 1,
      overdue: 0,
      averageHandlingDays: '2.0',
      feedback: { given: 1, satisfied: 0, dissatisfied: 1, silent: 0 },
      satisfactionRate: '0.0',
    });
  });

  test('a reopened case: the handling time of the second round counts from the reopening, and its handling deadline belongs to the unit holding it', () => {
    const c = caseOf(
      'reopened',
      [
        ['2026-11-02T00:00:00Z', 'forwarded', { unitId: 'gov-b' }],
        ['2026-11-02T00:00:00Z', 'signed'],
        ['2026-11-04T00:00:00Z', 'result_reported'],
        ['2026-11-05T00:00:00Z', 'feedback_given', { satisfied: false }],
        ['2026-11-05T00:00:00Z', 'reopened'],
        ['2026-11-09T00:00:00Z', 'result_reported'],
      ],
      [met('sign:1', '2026-11-04T15:59:59.999Z', '2026-11-02T00:00:00Z'), met('handling:1', '2026-12-01T15:59:59.999Z', '2026-11-04T00:00:00Z'), missed('handling:2', '2026-11-08T15:59:59.999Z')],
    );
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-b')).toMatchObject({ handledOnTime: 1, overdue: 1, averageHandlingDays: '3.0' });
  });

  test('a complainant who says nothing is counted as silent, not as satisfied, and does not move the satisfaction rate', () => {
    const cases = [
      caseOf('s1', [
        ['2026-11-02T00:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-20T00:00:00Z', 'feedback_window_elapsed', { satisfied: true }],
      ]),
      caseOf('s2', [
        ['2026-11-02T00:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-20T00:00:00Z', 'feedback_given', { satisfied: true }],
      ]),
      caseOf('s3', [
        ['2026-11-02T00:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-20T00:00:00Z', 'feedback_given', { satisfied: true }],
      ]),
      caseOf('s4', [
        ['2026-11-02T00:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-11-20T00:00:00Z', 'feedback_given', { satisfied: false }],
      ]),
    ];
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, cases), 'gov-a')).toMatchObject({ feedback: { given: 3, satisfied: 2, dissatisfied: 1, silent: 1 }, satisfactionRate: '66.7' });
  });

  test('only what happens inside [from, to) counts: the period starts at Beijing midnight and excludes its end', () => {
    const c = caseOf(
      'edges',
      [
        ['2026-10-31T15:59:59.999Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-10-31T16:00:00.000Z', 'signed'],
        ['2026-11-30T16:00:00.000Z', 'result_reported'],
        ['2026-11-30T16:00:00.000Z', 'escalated', { level: 3, unitId: 'gov-a' }],
      ],
      [met('sign:1', '2026-11-02T15:59:59.999Z', '2026-10-31T16:00:00.000Z'), missed('handling:1', '2026-11-30T16:00:00.000Z')],
    );
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-a')).toMatchObject({
      received: 0,
      signedOnTime: 1,
      handledOnTime: 0,
      overdue: 0,
      escalation: { level1: 0, level2: 0, level3: 0 },
      averageHandlingDays: null,
    });
  });

  test('a case received last month and handled this month counts its handling days this month, measured from its signing', () => {
    const c = caseOf(
      'carried',
      [
        ['2026-10-20T00:00:00Z', 'forwarded', { unitId: 'gov-a' }],
        ['2026-10-21T00:00:00Z', 'signed'],
        ['2026-11-05T12:00:00Z', 'result_reported'],
      ],
      [met('sign:1', '2026-10-23T15:59:59.999Z', '2026-10-21T00:00:00Z'), met('handling:1', '2026-11-20T15:59:59.999Z', '2026-11-05T12:00:00Z')],
    );
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-a')).toMatchObject({ received: 0, signedOnTime: 0, handledOnTime: 1, averageHandlingDays: '15.5' });
  });

  test('average handling days is the mean over results reported, to one decimal', () => {
    const handled = (id: string, days: number) =>
      caseOf(id, [
        ['2026-11-01T00:00:00Z', 'forwarded', { unitId: 'gov-b' }],
        ['2026-11-01T00:00:00Z', 'signed'],
        [new Date(Date.parse('2026-11-01T00:00:00Z') + days * 86_400_000).toISOString(), 'result_reported'],
      ]);
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, [handled('h1', 1), handled('h2', 2), handled('h3', 2)]), 'gov-b').averageHandlingDays).toBe('1.7');
  });

  test('cases of a unit not in the list still get a row, after the listed units, named by id', () => {
    const c = caseOf('x', [['2026-11-03T00:00:00Z', 'forwarded', { unitId: 'dept-z' }]]);
    const rows = unitStatistics(NOVEMBER, UNITS, [c]);
    expect(rows.map((r) => [r.unitId, r.unitName, r.received])).toEqual([
      ['gov-a', '甲县人民政府', 0],
      ['gov-b', '乙区人民政府', 0],
      ['dept-z', 'dept-z', 1],
    ]);
  });

  test('events of a case never forwarded (still in review, or rejected) count for no unit', () => {
    const c = caseOf('unrouted', [
      ['2026-11-03T00:00:00Z', 'submitted'],
      ['2026-11-04T00:00:00Z', 'rejected'],
    ], [met('review:1', '2026-11-05T15:59:59.999Z', '2026-11-04T00:00:00Z')]);
    expect(unitStatistics(NOVEMBER, UNITS, [c]).every((r) => r.received === 0 && r.overdue === 0)).toBe(true);
  });

  test('a timeline given out of order is read in seq order', () => {
    const c = caseOf('shuffled', [
      ['2026-11-02T00:00:00Z', 'forwarded', { unitId: 'gov-a' }],
      ['2026-11-03T00:00:00Z', 'signed'],
      ['2026-11-06T00:00:00Z', 'result_reported'],
    ]);
    c.timeline.reverse();
    expect(rowFor(unitStatistics(NOVEMBER, UNITS, [c]), 'gov-a')).toMatchObject({ received: 1, averageHandlingDays: '3.0' });
  });
});

describe('the summons rule (约谈)', () => {
  const row = (received: number, overdue: number, level3 = 0) => ({ received, overdue, escalation: { level1: 0, level2: 0, level3 } });

  test.each([
    ['any case at level 3, even with one case received', row(1, 0, 1), ['level3_reached']],
    ['3 received, 1 overdue (33%)', row(3, 1), ['overdue_share']],
    ['10 received, 3 overdue (exactly 30%)', row(10, 3), ['overdue_share']],
    ['10 received, 2 overdue (20%)', row(10, 2), []],
    ['2 received, 2 overdue: too few cases to call it a pattern', row(2, 2), []],
    ['nothing received', row(0, 0), []],
    ['both reasons', row(4, 4, 2), ['level3_reached', 'overdue_share']],
  ])('%s', (_label, r, reasons) => {
    expect(summonsReasons(r)).toEqual(reasons);
  });

  test('the rows carry the reasons the rule gives', () => {
    const cases = [1, 2, 3].map((n) =>
      caseOf(`o${n}`, [['2026-11-02T00:00:00Z', 'forwarded', { unitId: 'gov-b' }]], n === 1 ? [missed('sign:1', '2026-11-04T15:59:59.999Z')] : [met('sign:1', '2026-11-04T15:59:59.999Z', '2026-11-03T00:00:00Z')]),
    );
    const rows = unitStatistics(NOVEMBER, UNITS, cases);
    expect(rowFor(rows, 'gov-b').summonsReasons).toEqual(['overdue_share']);
    expect(rowFor(rows, 'gov-a').summonsReasons).toEqual([]);
  });
});

describe('months in Beijing time', () => {
  test('a month runs from Beijing midnight on the 1st to Beijing midnight on the next 1st', () => {
    expect(monthPeriod('2026-11')).toEqual(NOVEMBER);
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(monthPeriod('2027-01')).toEqual({ from: '2026-12-31T16:00:00.000Z', to: '2027-01-31T16:00:00.000Z' });
  });

  test.each(['2026-13', '2026-00', '2026-1', 'November'])('"%s" is not a month', (m) => {
    expect(() => monthPeriod(m)).toThrow(RangeError);
  });

  test('the schedule fires at 00:00 UTC on the 1st, 08:00 in Beijing: the previous month is the one that just ended', () => {
    expect(previousBeijingMonth(new Date('2026-12-01T00:00:00Z'))).toBe('2026-11');
    expect(previousBeijingMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
    // 23:30 UTC on 30 Nov is already 1 Dec in Beijing.
    expect(previousBeijingMonth(new Date('2026-11-30T23:30:00Z'))).toBe('2026-11');
    expect(previousBeijingMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-10');
  });

  test('one decimal rounds half up', () => {
    expect([oneDecimal(0), oneDecimal(2.25), oneDecimal(2.24), oneDecimal(66.666), oneDecimal(10)]).toEqual(['0.0', '2.3', '2.2', '66.7', '10.0']);
  });
});
