/**
 * Supervision statistics (§3(3) 督查): how each handling unit performed over a period, and which units'
 * record calls for a summons (约谈). Pure: the caller passes the cases and the period.
 */
import type { CaseDeadline, TimelineEvent } from './case-record';

/** What the statistics need of a case: the deadlines it ran against and its timeline. */
export interface StatisticsCase {
  id: string;
  deadlines: Pick<CaseDeadline, 'key' | 'name' | 'dueAt' | 'state' | 'metAt'>[];
  timeline: Pick<TimelineEvent, 'seq' | 'type' | 'at' | 'data'>[];
}

export interface UnitRef {
  id: string;
  name: string;
}

/** A period [from, to) given as ISO instants. */
export interface Period {
  from: string;
  to: string;
}

export interface UnitStatistics {
  unitId: string;
  unitName: string;
  /** Cases forwarded to the unit within the period. */
  received: number;
  /** Sign-for deadlines met within the period. */
  signedOnTime: number;
  /** Handling deadlines met within the period. */
  handledOnTime: number;
  /** Cases with a sign or handling deadline of the unit's falling due within the period and missed. */
  overdue: number;
  /** Cases by the highest ladder level they reached within the period while the unit held them. */
  escalation: { level1: number; level2: number; level3: number };
  /** Signed (or reopened) → result reported, for results reported within the period; days with one decimal, null when none. */
  averageHandlingDays: string | null;
  /** Answers to results within the period: feedback given (satisfied or not) and windows that lapsed in silence. */
  feedback: { given: number; satisfied: number; dissatisfied: number; silent: number };
  /** satisfied / given as a percentage with one decimal, null when nobody answered. */
  satisfactionRate: string | null;
  /** Why the unit is called to a summons (约谈); empty when it is not. */
  summonsReasons: SummonsReason[];
}

export type SummonsReason = 'level3_reached' | 'overdue_share';

/**
 * The summons rule (约谈), applied to a unit's row for the period:
 * - any case reached level 3 of the ladder (约谈 and 通报) while the unit held it; or
 * - the unit received at least SUMMONS_MIN_RECEIVED (3) cases and overdue / received ≥ SUMMONS_OVERDUE_PERCENT (30%).
 * The minimum keeps one late case of a unit with one or two cases from counting as a pattern.
 */
export const SUMMONS_MIN_RECEIVED = 3;
/** Overdue share, in percent. */
export const SUMMONS_OVERDUE_PERCENT = 30;

export function summonsReasons(row: Pick<UnitStatistics, 'received' | 'overdue' | 'escalation'>): SummonsReason[] {
  const reasons: SummonsReason[] = [];
  if (row.escalation.level3 > 0) reasons.push('level3_reached');
  // Compared in integers so 3 of 10 counts exactly as 30%.
  if (row.received >= SUMMONS_MIN_RECEIVED && row.overdue * 100 >= row.received * SUMMONS_OVERDUE_PERCENT) reasons.push('overdue_share');
  return reasons;
}

const DAY_MS = 86_400_000;

interface Tally {
  received: number;
  signedOnTime: number;
  handledOnTime: number;
  overdueCases: Set<string>;
  /** Highest level reached per case. */
  levels: Map<string, number>;
  handlingMs: number[];
  feedback: { given: number; satisfied: number; dissatisfied: number; silent: number };
}

const emptyTally = (): Tally => ({
  received: 0,
  signedOnTime: 0,
  handledOnTime: 0,
  overdueCases: new Set(),
  levels: new Map(),
  handlingMs: [],
  feedback: { given: 0, satisfied: 0, dissatisfied: 0, silent: 0 },
});

/** The n-th number in a deadline key such as 'sign:2'. */
function ordinal(key: string): number {
  return Number(key.split(':')[1] ?? '0');
}

/**
 * Each unit's record for the period. A case is attributed to whoever held it at each step: the n-th sign
 * deadline belongs to the unit of the n-th forwarding, the n-th handling deadline to the unit that held the
 * case at the n-th signing or reopening, and every other event to the unit holding the case when it happened.
 * Every unit in `units` gets a row (in that order); units met only in the cases follow, by id.
 */
export function unitStatistics(period: Period, units: UnitRef[], cases: StatisticsCase[]): UnitStatistics[] {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const within = (iso: string | undefined) => {
    if (!iso) return false;
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  const tallies = new Map<string, Tally>();
  const tally = (unitId: string) => {
    let t = tallies.get(unitId);
    if (!t) tallies.set(unitId, (t = emptyTally()));
    return t;
  };

  for (const c of cases) {
    const timeline = [...c.timeline].sort((a, b) => a.seq - b.seq);
    const forwardedTo: string[] = [];
    const handlingBy: string[] = [];
    let holder: string | null = null;
    let signedAt: { unitId: string; at: number } | null = null;

    for (const e of timeline) {
      if (e.type === 'forwarded' && typeof e.data.unitId === 'string') {
        holder = e.data.unitId;
        forwardedTo.push(holder);
        signedAt = null;
        if (within(e.at)) tally(holder).received += 1;
        continue;
      }
      if (!holder) continue;
      const inPeriod = within(e.at);
      switch (e.type) {
        case 'signed':
          handlingBy.push(holder);
          signedAt = { unitId: holder, at: Date.parse(e.at) };
          break;
        case 'reopened':
          handlingBy.push(holder);
          signedAt = { unitId: holder, at: Date.parse(e.at) };
          break;
        case 'result_reported':
          if (inPeriod && signedAt && signedAt.unitId === holder) tally(holder).handlingMs.push(Date.parse(e.at) - signedAt.at);
          break;
        case 'escalated': {
          const unitId = typeof e.data.unitId === 'string' ? e.data.unitId : holder;
          const level = Number(e.data.level);
          if (inPeriod && level >= 1) {
            const levels = tally(unitId).levels;
            levels.set(c.id, Math.max(levels.get(c.id) ?? 0, level));
          }
          break;
        }
        case 'feedback_given':
          if (inPeriod) {
            const f = tally(holder).feedback;
            f.given += 1;
            if (e.data.satisfied === true) f.satisfied += 1;
            else f.dissatisfied += 1;
          }
          break;
        case 'feedback_window_elapsed':
          if (inPeriod) tally(holder).feedback.silent += 1;
          break;
      }
    }

    for (const d of c.deadlines) {
      if (d.name !== 'sign' && d.name !== 'handling') continue;
      const unitId = (d.name === 'sign' ? forwardedTo : handlingBy)[ordinal(d.key) - 1];
      if (!unitId) continue;
      const t = tally(unitId);
      if (d.state === 'met' && within(d.metAt)) {
        if (d.name === 'sign') t.signedOnTime += 1;
        else t.handledOnTime += 1;
      }
      if (d.state === 'missed' && within(d.dueAt)) t.overdueCases.add(c.id);
    }
  }

  const known = new Set(units.map((u) => u.id));
  const extra = [...tallies.keys()].filter((id) => !known.has(id)).sort();
  const rows = [...units, ...extra.map((id) => ({ id, name: id }))];
  return rows.map((u) => rowOf(u, tallies.get(u.id) ?? emptyTally()));
}

function rowOf(unit: UnitRef, t: Tally): UnitStatistics {
  const levels = [...t.levels.values()];
  const escalation = {
    level1: levels.filter((l) => l === 1).length,
    level2: levels.filter((l) => l === 2).length,
    level3: levels.filter((l) => l >= 3).length,
  };
  const row = {
    unitId: unit.id,
    unitName: unit.name,
    received: t.received,
    signedOnTime: t.signedOnTime,
    handledOnTime: t.handledOnTime,
    overdue: t.overdueCases.size,
    escalation,
    averageHandlingDays: t.handlingMs.length ? oneDecimal(t.handlingMs.reduce((a, b) => a + b, 0) / t.handlingMs.length / DAY_MS) : null,
    feedback: { ...t.feedback },
    satisfactionRate: t.feedback.given ? oneDecimal((t.feedback.satisfied / t.feedback.given) * 100) : null,
  };
  return { ...row, summonsReasons: summonsReasons(row) };
}

/** Rounded half away from zero to one decimal, e.g. 2.25 → '2.3'. */
export function oneDecimal(value: number): string {
  return (Math.round(value * 10 + Number.EPSILON) / 10).toFixed(1);
}

/** The Beijing month 'YYYY-MM' as the period [1st 00:00, next 1st 00:00) Beijing time. */
export function monthPeriod(month: string): Period {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw new RangeError(`"${month}" is not a month written YYYY-MM`);
  const beijingMidnight = (y: number, mo: number) => new Date(Date.UTC(y, mo - 1, 1) - 8 * 3_600_000).toISOString();
  return { from: beijingMidnight(year, m), to: m === 12 ? beijingMidnight(year + 1, 1) : beijingMidnight(year, m + 1) };
}

/** The Beijing month before the one the instant falls in: the circular made on the 1st covers last month. */
export function previousBeijingMonth(instant: Date): string {
  const beijing = new Date(instant.getTime() + 8 * 3_600_000);
  const y = beijing.getUTCFullYear();
  const m = beijing.getUTCMonth();
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
