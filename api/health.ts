import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/client';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** /healthz: the process is up. /readyz: Temporal and PostgreSQL both answer; otherwise 503 naming what is down. */
export function healthRoutes(deps: { prisma: PrismaClient; temporal: Client }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [postgres, temporal] = await Promise.all([
      withTimeout(deps.prisma.$queryRaw`select 1`, 2000).then(
        () => ({ ok: true }),
        (err: Error) => ({ ok: false, error: err.message }),
      ),
      deps.temporal.connection.withDeadline(Date.now() + 2000, () => deps.temporal.workflowService.getSystemInfo({})).then(
        () => ({ ok: true }),
        (err: Error) => ({ ok: false, error: err.message }),
      ),
    ]);
    const down = [...(postgres.ok ? [] : ['postgresql']), ...(temporal.ok ? [] : ['temporal'])];
    res.status(down.length ? 503 : 200).json({ status: down.length ? `unavailable: ${down.join(', ')}` : 'ready', checks: { postgresql: postgres, temporal } });
  });
  return router;
}
