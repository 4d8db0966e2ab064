import { Router } from 'express';
import type { PrismaClient } from '../prisma/client';
import { principalOf } from './auth';

/** Who the key belongs to: the web app shows each role only its own pages from this answer. */
export function meRoute(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/me', async (req, res) => {
    const p = principalOf(req);
    const unit = p.unitId ? await prisma.unit.findUnique({ where: { id: p.unitId } }) : null;
    res.json({ keyId: p.keyId, role: p.role, unitId: p.unitId, unitName: unit?.name ?? null, creditCode: p.creditCode });
  });
  return router;
}
