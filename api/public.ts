import { Router } from 'express';
import { z } from 'zod';
import { overdueInterest } from '../domain/interest';
import { fenToYuan, yuanToFen } from '../domain/money';
import { annualRate, isoDate, yuanAmount } from '../domain/complaint';
import { HttpError } from './errors';
import { parseBody } from './validation';

export const interestQuery = z
  .object({
    principal: yuanAmount,
    dueDate: isoDate,
    asOf: isoDate,
    annualRate: annualRate.optional(),
    lpr: annualRate.optional(),
  })
  .refine((q) => q.asOf >= q.dueDate, { message: 'cannot be before dueDate', path: ['asOf'] })
  .refine((q) => !q.annualRate || q.lpr, { message: 'is required with annualRate: a contract rate may not be below the one-year LPR at signing', path: ['lpr'] });

export type InterestAnswer = { principal: string; dueDate: string; asOf: string; overdueDays: number; basis: string; rate: string; interest: string };

/** Statutory overdue interest (Regulation Art. 15): the contract rate, not below the LPR, or 0.05% a day. */
export function interestAnswer(q: z.infer<typeof interestQuery>): InterestAnswer {
  const r = overdueInterest({ principal: yuanToFen(q.principal), dueDate: q.dueDate, asOf: q.asOf, contractAnnualRate: q.annualRate, lprAtSigning: q.lpr });
  return { principal: q.principal, dueDate: q.dueDate, asOf: q.asOf, overdueDays: r.overdueDays, basis: r.basis, rate: r.rate, interest: fenToYuan(r.interest) };
}

/** Routes any authenticated caller may use. */
export function interestRoutes(): Router {
  const router = Router();
  router.get('/interest', (req, res) => {
    const q = parseBody(interestQuery, req.query, 'query');
    try {
      res.json(interestAnswer(q));
    } catch (err) {
      if (err instanceof RangeError) throw new HttpError('validation_failed', `query: ${err.message}`, [{ path: 'query', message: err.message }]);
      throw err;
    }
  });
  return router;
}
