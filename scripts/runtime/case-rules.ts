import fs from 'node:fs';
import { resolvePolicy, type CasePolicy } from '../../domain/policy';
import { calendarData, calendarOverrideSchema, type CalendarOverride } from '../../domain/official-calendar';
import type { CalendarData } from '../../domain/calendar';

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${what}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${what}: ${file} is not valid JSON (${(err as Error).message})`);
  }
}

/** The policy new cases start under: the defaults, with POLICY_FILE's entries laid over them. */
export function loadPolicy(file: string | undefined): CasePolicy {
  return resolvePolicy(file ? readJson(file, 'POLICY_FILE') : {});
}

/**
 * The working-day calendar new cases start under: the packaged State Council notices plus the office's
 * CALENDAR_FILE, for the years a case can span (last year to three years ahead).
 */
export function loadCalendar(file: string | undefined, now: Date): CalendarData {
  let override: CalendarOverride = {};
  if (file) {
    const parsed = calendarOverrideSchema.safeParse(readJson(file, 'CALENDAR_FILE'));
    if (!parsed.success) throw new Error(`CALENDAR_FILE: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    override = parsed.data;
  }
  const year = now.getUTCFullYear();
  return calendarData(year - 1, year + 3, override);
}
