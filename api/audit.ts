import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/client';
import { verifyAuditTrail } from '../activities/audit';
import { requireRole } from './auth';
import { fromZod, notFound } from './errors';

export const auditVerifyQuery = z.object({ caseId: z.string().trim().min(1, 'must not be empty').max(200).optional() });

/** GET /verify: the office checks that no stored event was altered, deleted or re-chained. */
export function auditRoutes(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/verify', requireRole('office', 'admin'), async (req, res) => {
    const parsed = auditVerifyQuery.safeParse(req.query);
    if (!parsed.success) throw fromZod(parsed.error, 'query');
    const { caseId } = parsed.data;
    const result = await verifyAuditTrail(prisma, { caseId });
    if (caseId !== undefined && result.ok && result.cases === 0) throw notFound();
    res.json(result);
  });
  return router;
}
