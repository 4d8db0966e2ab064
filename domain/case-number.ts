/** Case numbers a person can read out on the phone: FCG-2026-000123 (FCG = 防城港). */

export const CASE_NUMBER_PREFIX = 'FCG';
const SERIAL_DIGITS = 6;
export const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;
const CASE_NUMBER = /^FCG-(\d{4})-(\d{6})$/;

/** The year the case was filed (Beijing time) and its serial within that year, from 1. */
export function formatCaseNumber(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`a case number's year must be from 2000 to 9999, not ${year}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    throw new RangeError(`a case number's serial must be from 1 to ${MAX_SERIAL}, not ${serial}`);
  }
  return `${CASE_NUMBER_PREFIX}-${year}-${String(serial).padStart(SERIAL_DIGITS, '0')}`;
}

export type CaseNumberParse = { ok: true; year: number; serial: number } | { ok: false; reason: string };

export function parseCaseNumber(text: string): CaseNumberParse {
  const match = CASE_NUMBER.exec(text);
  const [year, serial] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || year < 2000 || serial < 1) {
    return { ok: false, reason: `"${text}" is not a case number; case numbers look like FCG-2026-000123` };
  }
  return { ok: true, year, serial };
}
