import { z } from 'zod';
import { addDays, atBeijingTime, beijingDateOf, endOfBeijingDay } from './beijing-date';
import type { WorkingCalendar } from './calendar';

/**
 * The time limits of a case as data. The law fixes the real values (DEFAULT_POLICY); a deployment
 * may override them (POLICY_FILE) so a demo or a test runs a whole case in seconds.
 */

/** How long a stage may take. JSON-able: it travels in the workflow's input. */
export type DeadlineSpec =
  /** Ends at 23:59:59.999 Beijing time on the n-th working day after the start day. */
  | { kind: 'working_days'; days: number }
  /** Ends at 23:59:59.999 Beijing time on the n-th day after the start day (the start day does not count). */
  | { kind: 'calendar_days'; days: number }
  /** Ends exactly `ms` after the start: for durations with hours, minutes or seconds. */
  | { kind: 'elapsed'; ms: number };

export interface CasePolicy {
  review: DeadlineSpec;
  sign: DeadlineSpec;
  handling: DeadlineSpec;
  handlingMax: DeadlineSpec;
  feedback: DeadlineSpec;
  reminderLead: DeadlineSpec;
  escalationStep: DeadlineSpec;
  /** Credit repair: a dishonest-payer listing stays public at least this long after it began. */
  publicityMin: DeadlineSpec;
}

export const DEFAULT_POLICY: CasePolicy = {
  /** MIIT Interim Measures: accept or reject within 10 working days. */
  review: { kind: 'working_days', days: 10 },
  /** 签收: the work plan leaves the time to the office; three working days unless it says otherwise. */
  sign: { kind: 'working_days', days: 3 },
  /** The unit answers within 30 days of receiving the case… */
  handling: { kind: 'calendar_days', days: 30 },
  /** …and extensions approved by the office never take it past 90 days in total. */
  handlingMax: { kind: 'calendar_days', days: 90 },
  /** Silence after this counts as no objection. */
  feedback: { kind: 'working_days', days: 10 },
  /** 催办 goes out this long before a deadline. */
  reminderLead: { kind: 'working_days', days: 3 },
  /** Time between rungs of the escalation ladder once a deadline has passed. */
  escalationStep: { kind: 'working_days', days: 5 },
  /** The office sets it; three months (90 days) unless it says otherwise. */
  publicityMin: { kind: 'calendar_days', days: 90 },
};

/** The statutory handling period: one day of an extension is 1/30 of a shortened handling period. */
export const STATUTORY_HANDLING_DAYS = 30;

/** A reminder counted in days goes out when the office day starts. */
const REMINDER_HOUR = 9;
const DAY_MS = 86_400_000;
const MAX_DAYS = 3650;

type Parsed<T> = { ok: true; spec: T } | { ok: false; reason: string };

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/**
 * ISO-8601 durations in days, hours, minutes and seconds. Days alone ("P30D") count calendar days;
 * anything with a time part ("PT5S", "P1DT12H") is an exact elapsed time.
 */
export function parseIsoDuration(text: string): Parsed<DeadlineSpec> {
  const [datePart = ''] = text.startsWith('P') ? text.slice(1).split('T') : [];
  if (/[YM]/.test(datePart)) {
    return { ok: false, reason: `"${text}" uses years or months, which have no fixed length; write the duration in days, e.g. "P30D"` };
  }
  if (datePart.includes('W')) return { ok: false, reason: `"${text}" uses weeks; write the duration in days, e.g. "P14D"` };
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    return { ok: false, reason: `"${text}" is not an ISO-8601 duration such as "P30D", "PT5S" or "PT1M30S"` };
  }
  const [, days, hours, minutes, seconds] = match;
  const ms = Number(days ?? 0) * DAY_MS + Number(hours ?? 0) * 3_600_000 + Number(minutes ?? 0) * 60_000 + Math.round(Number(seconds ?? 0) * 1000);
  if (ms === 0) return { ok: false, reason: `"${text}" is zero; a time limit must be longer than that` };
  if (ms > MAX_DAYS * DAY_MS) return { ok: false, reason: `"${text}" is longer than ${MAX_DAYS} days` };
  if (!text.includes('T')) return { ok: true, spec: { kind: 'calendar_days', days: Number(days) } };
  return { ok: true, spec: { kind: 'elapsed', ms } };
}

function parsePolicyValue(value: unknown): Parsed<DeadlineSpec> {
  if (typeof value === 'string') return parseIsoDuration(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const [key, days] = entries[0] ?? [];
    if (entries.length === 1 && key === 'workingDays') {
      if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_DAYS) {
        return { ok: true, spec: { kind: 'working_days', days } };
      }
      return { ok: false, reason: `workingDays must be a whole number from 1 to ${MAX_DAYS}` };
    }
  }
  return { ok: false, reason: 'must be an ISO-8601 duration such as "P30D" or "PT5S", or { "workingDays": n }' };
}

const policyValueSchema = z.unknown().transform((value, ctx): DeadlineSpec => {
  const parsed = parsePolicyValue(value);
  if (parsed.ok) return parsed.spec;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});

const entry = policyValueSchema.optional();

/** The POLICY_FILE, already parsed from JSON: any subset of the entries; unknown keys are typos. */
export const policyFileSchema = z
  .object({ review: entry, sign: entry, handling: entry, handlingMax: entry, feedback: entry, reminderLead: entry, escalationStep: entry, publicityMin: entry })
  .strict();

export type PolicyFile = z.input<typeof policyFileSchema>;

/** The defaults with the file's entries laid over them. Throws with every problem listed. */
export function resolvePolicy(overrides: unknown = {}): CasePolicy {
  return layOver(DEFAULT_POLICY, overrides, 'The policy file', false);
}

/** One case's policy changed by the office on purpose: the given entries laid over what the case runs under. */
export function resolvePolicyOver(current: CasePolicy, changes: unknown): CasePolicy {
  return layOver(current, changes, 'The policy change', true);
}

function layOver(base: CasePolicy, entries: unknown, what: string, needSome: boolean): CasePolicy {
  const parsed = policyFileSchema.safeParse(entries);
  if (!parsed.success) throw new Error(`${what} is invalid:\n${z.prettifyError(parsed.error)}`);
  const given = Object.entries(parsed.data).filter((pair): pair is [string, DeadlineSpec] => pair[1] !== undefined);
  if (needSome && given.length === 0) throw new Error(`${what} is invalid: name at least one entry to change.`);
  const policy: CasePolicy = { ...base, ...Object.fromEntries(given) };
  if (isShorter(policy.handlingMax, policy.handling)) {
    throw new Error(`${what} is invalid: handlingMax (${describeSpec(policy.handlingMax)}) is shorter than handling (${describeSpec(policy.handling)})`);
  }
  return policy;
}

function isShorter(a: DeadlineSpec, b: DeadlineSpec): boolean {
  if (a.kind === 'elapsed' && b.kind === 'elapsed') return a.ms < b.ms;
  if (a.kind !== 'elapsed' && a.kind === b.kind) return a.days < b.days;
  return false;
}

/** For messages a clerk reads: "10 working days", "30 days", "PT1M30S". */
export function describeSpec(spec: DeadlineSpec): string {
  switch (spec.kind) {
    case 'working_days':
      return plural(spec.days, 'working day');
    case 'calendar_days':
      return plural(spec.days, 'day');
    case 'elapsed':
      return isoDuration(spec.ms);
  }
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function isoDuration(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  const [hours, minutes, seconds] = [Math.floor(rest / 3_600_000), Math.floor((rest % 3_600_000) / 60_000), (rest % 60_000) / 1000];
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/**
 * When a stage that starts at `start` must be finished. Periods in days do not count the start day
 * (民法典 Art. 201: counting starts the next day) and end at midnight Beijing time, so a unit may
 * still answer late in the evening of the last day. A last day that falls on a holiday is not
 * moved (as Art. 203 would for civil periods): the office expects an answer before the holiday.
 */
export function deadlineAfter(start: Date, spec: DeadlineSpec, calendar: WorkingCalendar): Date {
  switch (spec.kind) {
    case 'working_days':
      return endOfBeijingDay(calendar.addWorkingDays(beijingDateOf(start), spec.days));
    case 'calendar_days':
      return endOfBeijingDay(addDays(beijingDateOf(start), spec.days));
    case 'elapsed':
      return new Date(start.getTime() + spec.ms);
  }
}

/**
 * When the reminder (催办) for a deadline goes out: a lead in days means 09:00 Beijing time that many
 * (working) days before the due day; an elapsed lead is exact. Null when that moment is not after
 * the stage's start, since the notice that opened the stage already told everyone the deadline.
 */
export function reminderAt(start: Date, due: Date, lead: DeadlineSpec, calendar: WorkingCalendar): Date | null {
  const dueDay = beijingDateOf(due);
  const at =
    lead.kind === 'working_days'
      ? atBeijingTime(calendar.addWorkingDays(dueDay, -lead.days), REMINDER_HOUR)
      : lead.kind === 'calendar_days'
        ? atBeijingTime(addDays(dueDay, -lead.days), REMINDER_HOUR)
        : new Date(due.getTime() - lead.ms);
  return at.getTime() > start.getTime() && at.getTime() < due.getTime() ? at : null;
}

export interface ExtensionRequest {
  /** When the unit received the case for handling: the 90 days count from here. */
  receivedAt: Date;
  currentDue: Date;
  requestedDays: number;
  policy: CasePolicy;
  calendar: WorkingCalendar;
}

export type ExtensionVerdict = { ok: true; due: Date } | { ok: false; reason: string };

/**
 * An extension approved by the office (延期). Days are counted in the handling period's own unit:
 * calendar days when it is "P30D", working days when it is { workingDays }, and 1/30 of the period
 * when it is a shortened duration ("PT30S" makes one day of extension one second).
 */
export function extendHandling({ receivedAt, currentDue, requestedDays, policy, calendar }: ExtensionRequest): ExtensionVerdict {
  if (!Number.isInteger(requestedDays) || requestedDays < 1) {
    return { ok: false, reason: 'An extension must be a whole number of days, at least 1.' };
  }
  const handling = policy.handling;
  const limit = deadlineAfter(receivedAt, policy.handlingMax, calendar);
  const extendedBy = (days: number): Date => {
    switch (handling.kind) {
      case 'working_days':
        return endOfBeijingDay(calendar.addWorkingDays(beijingDateOf(currentDue), days));
      case 'calendar_days':
        return new Date(currentDue.getTime() + days * DAY_MS);
      case 'elapsed':
        return new Date(currentDue.getTime() + Math.round((days * handling.ms) / STATUTORY_HANDLING_DAYS));
    }
  };
  const available = daysAvailable(currentDue, limit, handling, calendar, extendedBy);
  if (requestedDays <= available) return { ok: true, due: extendedBy(requestedDays) };

  const limitName = limitLabel(policy.handlingMax);
  if (available === 0) {
    return { ok: false, reason: `Handling has already reached the ${limitName} in total, so no further extension can be granted.` };
  }
  return {
    ok: false,
    reason: `An extension of ${plural(requestedDays, 'day')} would take handling past the ${limitName} in total; at most ${plural(available, 'more day')} can be granted.`,
  };
}

/** "90-day limit", "60-working-day limit", "limit of PT1M30S". */
function limitLabel(max: DeadlineSpec): string {
  switch (max.kind) {
    case 'working_days':
      return `${max.days}-working-day limit`;
    case 'calendar_days':
      return `${max.days}-day limit`;
    case 'elapsed':
      return `limit of ${describeSpec(max)}`;
  }
}

/** The longest extension, in the handling period's unit, that still ends by the limit. */
function daysAvailable(currentDue: Date, limit: Date, handling: DeadlineSpec, calendar: WorkingCalendar, extendedBy: (days: number) => Date): number {
  const room = limit.getTime() - currentDue.getTime();
  if (room <= 0) return 0;
  let days = roughDaysIn(room, currentDue, limit, handling, calendar);
  // Whole days and rounded milliseconds may overshoot by one; the limit itself decides.
  while (days > 0 && extendedBy(days).getTime() > limit.getTime()) days -= 1;
  return days;
}

function roughDaysIn(room: number, from: Date, to: Date, handling: DeadlineSpec, calendar: WorkingCalendar): number {
  switch (handling.kind) {
    case 'working_days':
      return calendar.workingDaysBetween(beijingDateOf(from), beijingDateOf(to));
    case 'calendar_days':
      return Math.floor(room / DAY_MS);
    case 'elapsed':
      return Math.floor((room * STATUTORY_HANDLING_DAYS) / handling.ms);
  }
}
