import { addDays, daysBetween, type BeijingDate } from './beijing-date';
import type { RespondentType } from './case-status';

/**
 * When the respondent should have paid (《保障中小企业款项支付条例》, 2025): organs and institutions
 * within 30 days of delivery, or the contract's term but never more than 60; large enterprises
 * within 60 days unless the contract agrees another term. Shown to the complainant to say how late
 * the payment is; overdue interest runs from the day after the due date.
 */

export const ORGAN_TERM_DAYS = 30;
export const ORGAN_MAX_TERM_DAYS = 60;
export const LARGE_ENTERPRISE_TERM_DAYS = 60;

export interface PaymentTermInput {
  respondentType: RespondentType;
  /** When the goods, works or services were delivered (交付). */
  deliveredOn: BeijingDate;
  /** The payment term the contract agrees, in days; null when it says nothing. */
  contractTermDays?: number | null;
  /** Present when the contract makes passing inspection or acceptance (检验、验收) a condition of payment. */
  inspection?: {
    passedOn?: BeijingDate | null;
    /** The deadline the contract sets for inspection: a payer who delays it cannot delay the clock. */
    agreedBy?: BeijingDate | null;
  } | null;
}

export type PaymentTerm =
  | {
      known: true;
      clockStartsOn: BeijingDate;
      termDays: number;
      /** The last day on which payment was on time. */
      dueDate: BeijingDate;
      /** The contract's term was longer than an organ or institution may agree. */
      contractTermCapped: boolean;
    }
  /** Inspection is a condition, has not passed, and no inspection deadline was agreed. */
  | { known: false; termDays: number; reason: string };

export function paymentDue({ respondentType, deliveredOn, contractTermDays, inspection }: PaymentTermInput): PaymentTerm {
  if (contractTermDays !== undefined && contractTermDays !== null && (!Number.isInteger(contractTermDays) || contractTermDays < 0)) {
    throw new RangeError(`a contract's payment term is a whole number of days, not ${contractTermDays}`);
  }
  const agreed = contractTermDays ?? null;
  const byOrgan = respondentType !== 'large_enterprise';
  const termDays = byOrgan ? Math.min(agreed ?? ORGAN_TERM_DAYS, ORGAN_MAX_TERM_DAYS) : agreed ?? LARGE_ENTERPRISE_TERM_DAYS;
  const contractTermCapped = byOrgan && agreed !== null && agreed > ORGAN_MAX_TERM_DAYS;

  const clockStartsOn = inspection ? earliest(inspection.passedOn, inspection.agreedBy) : deliveredOn;
  if (clockStartsOn === null) {
    return { known: false, termDays, reason: 'Payment depends on inspection, which has not passed, and the contract sets no date by which it must.' };
  }
  if (daysBetween(deliveredOn, clockStartsOn) < 0) throw new RangeError('inspection cannot come before delivery');
  return { known: true, clockStartsOn, termDays, dueDate: addDays(clockStartsOn, termDays), contractTermCapped };
}

function earliest(...dates: (BeijingDate | null | undefined)[]): BeijingDate | null {
  const known = dates.filter((d): d is BeijingDate => typeof d === 'string');
  if (known.length === 0) return null;
  return known.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a));
}
