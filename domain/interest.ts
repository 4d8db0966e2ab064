import { daysBetween } from './beijing-date';
import type { Fen } from './money';

/**
 * Overdue interest on a late payment (《保障中小企业款项支付条例》): the contract's rate, which may
 * not be below the one-year LPR at signing, or 0.05% of the overdue amount per day when
 * the contract sets none. Integer arithmetic in fen throughout.
 */

/** 万分之五: 0.05% per day. */
export const STATUTORY_DAILY_RATE = '0.0005';

/** An annual rate is turned into a daily one over 365 days, whatever the year's length. */
export const DAYS_PER_YEAR = 365n;

export type InterestBasis = 'contract_rate' | 'lpr_floor' | 'statutory_daily_rate';

export interface OverdueInterestInput {
  /** The amount overdue. */
  principal: Fen;
  /** The last day the payment was due (YYYY-MM-DD); interest runs from the day after. */
  dueDate: string;
  /** The day the interest is counted to, inclusive. */
  asOf: string;
  /** The contract's annual rate as a decimal fraction, e.g. "0.0385"; null when none was agreed. */
  contractAnnualRate?: string | null;
  /** The one-year LPR when the contract was signed, e.g. "0.0345"; needed with a contract rate. */
  lprAtSigning?: string | null;
}

export interface OverdueInterest {
  interest: Fen;
  overdueDays: number;
  basis: InterestBasis;
  /** The rate applied, as given: annual for the contract and LPR, daily for the statutory rate. */
  rate: string;
}

export function overdueInterest({ principal, dueDate, asOf, contractAnnualRate, lprAtSigning }: OverdueInterestInput): OverdueInterest {
  if (principal < 0n) throw new RangeError('the overdue amount cannot be negative');
  const overdueDays = Math.max(0, daysBetween(dueDate, asOf));
  const days = BigInt(overdueDays);

  if (contractAnnualRate === undefined || contractAnnualRate === null) {
    const daily = parseRate(STATUTORY_DAILY_RATE);
    return { interest: roundHalfUp(principal * daily.units * days, daily.scale), overdueDays, basis: 'statutory_daily_rate', rate: STATUTORY_DAILY_RATE };
  }
  if (lprAtSigning === undefined || lprAtSigning === null) {
    throw new RangeError('a contract rate is checked against the one-year LPR at signing, which is missing');
  }
  const agreed = parseRate(contractAnnualRate);
  const lpr = parseRate(lprAtSigning);
  // Compare a/b with c/d as a·d with c·b: both scales are powers of ten, never zero.
  const lprIsHigher = lpr.units * agreed.scale > agreed.units * lpr.scale;
  const annual = lprIsHigher ? lpr : agreed;
  return {
    interest: roundHalfUp(principal * annual.units * days, annual.scale * DAYS_PER_YEAR),
    overdueDays,
    basis: lprIsHigher ? 'lpr_floor' : 'contract_rate',
    rate: lprIsHigher ? lprAtSigning : contractAnnualRate,
  };
}

/** A decimal fraction "0.0385" as 385 / 10000. */
function parseRate(text: string): { units: bigint; scale: bigint } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a rate written as a decimal fraction, e.g. "0.0385"`);
  const [, whole = '0', fraction = ''] = match;
  const rate = { units: BigInt(whole + fraction), scale: 10n ** BigInt(fraction.length) };
  if (rate.units > rate.scale) throw new RangeError(`"${text}" is above 100%; write a rate of 3.85% as "0.0385"`);
  return rate;
}

/** Half a fen or more rounds up to the next fen (四舍五入); amounts here are never negative. */
function roundHalfUp(numerator: bigint, denominator: bigint): Fen {
  return (2n * numerator + denominator) / (2n * denominator);
}
