import { z } from 'zod';
import { validateCreditCode } from './credit-code';
import { parseYuan } from './money';
import { ENTERPRISE_SIZES, RESPONDENT_TYPES } from './case-status';

/** The office itself (市领导小组办公室): the fallback owner of anything no rule routes, and a recipient of reports. */
export const OFFICE_UNIT_ID = 'fcg-office';

/** County-level territories of Fangchenggang (属地): 港口区, 防城区, 上思县, 东兴市. */
export const REGION_CODES = ['450602', '450603', '450621', '450681'] as const;

export const yuanAmount = z
  .string()
  .regex(/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/, 'must be a decimal string in yuan with at most two decimals, e.g. "125000.50"');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'is not a real calendar date');

export const annualRate = z.string().regex(/^0(\.\d{1,6})?$/, 'must be an annual rate written as a decimal below 1, e.g. "0.0385"');

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const result = validateCreditCode(v);
    if (!result.valid) ctx.addIssue({ code: 'custom', message: result.message });
  });

const nonEmpty = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const complainantSchema = z
  .object({
    name: nonEmpty(200),
    creditCode,
    size: z.enum(ENTERPRISE_SIZES),
    contactName: nonEmpty(100),
    phone: z.string().trim().regex(/^\+?[0-9 -]{5,20}$/, 'must be a phone number'),
    email: z.email('must be an email address').optional().nullable(),
    webhookUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional().nullable(),
  })
  .refine((c) => Boolean(c.email || c.webhookUrl), { message: 'needs an email or a webhookUrl so the result can reach you', path: ['email'] });

export const respondentSchema = z.object({
  name: nonEmpty(200),
  creditCode: creditCode.optional().nullable(),
  type: z.enum(RESPONDENT_TYPES),
  stateOwned: z.boolean().optional().nullable(),
  regionCode: z.enum(REGION_CODES, { error: `must be one of ${REGION_CODES.join(', ')}` }),
  supervisingDepartment: z.string().trim().max(200).optional().nullable(),
});

export const contractSchema = z
  .object({
    title: nonEmpty(300),
    signedOn: isoDate,
    deliveredOn: isoDate.optional().nullable(),
    amount: yuanAmount,
    overdueAmount: yuanAmount,
    agreedPaymentDate: isoDate.optional().nullable(),
    agreedAnnualRate: annualRate.optional().nullable(),
    /** The one-year LPR when the contract was signed: an agreed rate may not be below it. */
    lprAtSigning: annualRate.optional().nullable(),
  })
  .refine(
    (c) => {
      const [overdue, amount] = [parseYuan(c.overdueAmount), parseYuan(c.amount)];
      // A malformed amount is reported on its own field.
      return !overdue.ok || !amount.ok || overdue.fen <= amount.fen;
    },
    { message: 'may not exceed amount', path: ['overdueAmount'] },
  )
  .refine((c) => !c.deliveredOn || c.deliveredOn >= c.signedOn, { message: 'cannot be before signedOn', path: ['deliveredOn'] });

export const complaintSchema = z.object({
  complainant: complainantSchema,
  respondent: respondentSchema,
  contract: contractSchema,
  description: nonEmpty(10_000),
  evidence: z
    .array(z.object({ name: nonEmpty(300), sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters') }))
    .max(100)
    .default([]),
  declarations: z.object({
    noOtherProceedings: z.literal(true, { error: 'must be true: a case already before a court, arbitration or another department is not accepted' }),
    truthful: z.literal(true, { error: 'must be true' }),
  }),
  channel: z.enum(['online', 'offline']).default('online'),
});

export type Complaint = z.infer<typeof complaintSchema>;

/** Same complainant, respondent and contract: while such a case is open, a new filing returns it. */
export function duplicateKeyParts(c: Complaint): string[] {
  return [c.complainant.creditCode, c.respondent.creditCode ?? c.respondent.name.trim(), c.contract.title.trim(), c.contract.signedOn];
}
