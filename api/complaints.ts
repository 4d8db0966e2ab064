import { Router, type Request } from 'express';
import { z } from 'zod';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { PrismaClient } from '../prisma/client';
import type { Prisma } from '../prisma/generated/client';
import { complaintSchema } from '../domain/complaint';
import { OUTCOMES, REJECTION_REASONS, CASE_STATUSES, isTerminal, type CaseStatus } from '../domain/case-status';
import { isoDate, yuanAmount } from '../domain/complaint';
import * as msg from '../workflows/messages';
import type { CaseView } from '../workflows/case-view';
import type { Actor } from '../domain/case-record';
import { actorOf, principalOf, requireRole } from './auth';
import { caseJson } from './case-json';
import { HttpError, fromZod, notFound } from './errors';
import { assertMayFile, fileComplaint, type IntakeDeps } from './intake';
import type { Principal } from './keys';

export const reviewBody = z.object({
  decision: z.enum(['accept', 'reject', 'request_information']),
  reason: z.enum(REJECTION_REASONS).optional(),
  unitId: z.string().min(1).optional(),
  note: z.string().max(2000).optional(),
});
export const supplementBody = z.object({ text: z.string().trim().min(1, 'is required').max(10_000) });
export const extensionRequestBody = z.object({ days: z.number().int().min(1).max(90), reason: z.string().trim().min(1, 'is required').max(2000) });
export const extensionDecisionBody = z.object({ approve: z.boolean(), days: z.number().int().min(1).max(90).optional() });
export const reasonBody = z.object({ reason: z.string().trim().min(1, 'is required').max(2000) });
export const reassignBody = z.object({ unitId: z.string().trim().min(1, 'is required'), note: z.string().max(2000).optional() });
export const resultBody = z
  .object({
    outcome: z.enum(OUTCOMES),
    paidAmount: yuanAmount.optional(),
    plan: z.array(z.object({ dueDate: isoDate, amount: yuanAmount })).max(60).optional(),
    summary: z.string().trim().min(1, 'is required').max(10_000),
  })
  .refine((r) => r.outcome !== 'payment_plan' || (r.plan?.length ?? 0) > 0, { message: 'is required when outcome is payment_plan', path: ['plan'] });
export const feedbackBody = z.object({ satisfied: z.boolean(), comment: z.string().max(2000).optional() });
export const instalmentBody = z.object({ paid: z.boolean() });
export const closeBody = z.object({ note: z.string().max(2000).optional() });
export const listQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  unitId: z.string().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  escalationLevel: z.coerce.number().int().min(0).max(3).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, where = ''): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}

/** Who may see which case: an invisible case is answered exactly like a missing one. */
export function visibleWhere(p: Principal): Prisma.CaseWhereInput {
  if (p.role === 'complainant') return { complainantCreditCode: p.creditCode ?? '' };
  if (p.role === 'unit') return { OR: [{ unitId: p.unitId }, { detail: { path: ['unitHistory'], array_contains: [p.unitId] } }] };
  return {};
}

export interface ComplaintRoutesDeps extends IntakeDeps {
  prisma: PrismaClient;
  temporal: Client;
}

export function complaintRoutes(deps: ComplaintRoutesDeps): Router {
  const router = Router();
  const { prisma, temporal } = deps;

  async function loadVisible(req: Request) {
    const id = String(req.params.id);
    const row = await prisma.case.findFirst({ where: { AND: [{ OR: [{ id }, { caseNumber: id }] }, visibleWhere(principalOf(req))] } });
    if (!row) throw notFound();
    return row;
  }

  router.post('/', requireRole('complainant', 'office'), async (req, res) => {
    const complaint = parse(complaintSchema, req.body);
    const principal = principalOf(req);
    assertMayFile(principal, complaint);
    const idempotencyKey = req.get('idempotency-key')?.trim() || undefined;
    if (idempotencyKey && idempotencyKey.length > 200) throw new HttpError('validation_failed', 'Idempotency-Key: must be at most 200 characters', [{ path: 'Idempotency-Key', message: 'must be at most 200 characters' }]);
    const { row, created } = await fileComplaint(deps, complaint, { idempotencyKey, keyOwner: principal.keyId });
    const fresh = created ? await waitForFirstProjection(prisma, row.id) : row;
    res.status(created ? 201 : 200).json(caseJson(fresh));
  });

  router.get('/:id', async (req, res) => {
    res.json(caseJson(await loadVisible(req)));
  });

  /** Sends one decision into the case's workflow and answers with the case as it now stands. */
  function command<B, A extends { actor: Actor }>(
    path: string,
    roles: Principal['role'][],
    schema: z.ZodType<B>,
    update: UpdateDefinition<CaseView, [A]>,
    toArgs: (body: B, req: Request) => Omit<A, 'actor'>,
  ) {
    router.post(path, requireRole(...roles), async (req, res) => {
      const body = parse(schema, req.body);
      const row = await loadVisible(req);
      const args = { ...toArgs(body, req), actor: actorOf(principalOf(req)) } as A;
      try {
        await temporal.workflow.getHandle(row.id).executeUpdate(update, { args: [args] });
      } catch (err) {
        // A finished case's workflow is gone; say why nothing more can happen, as the transition table does.
        if (err instanceof WorkflowNotFoundError && isTerminal(row.status as CaseStatus)) throw new HttpError('conflict', finishedCaseReason(row.status as CaseStatus));
        throw err;
      }
      const updated = await prisma.case.findUniqueOrThrow({ where: { id: row.id } });
      res.json(caseJson(updated));
    });
  }

  command('/:id/review', ['office', 'admin'], reviewBody, msg.reviewUpdate, (b) => b);
  command('/:id/supplements', ['complainant', 'office'], supplementBody, msg.supplementUpdate, (b) => b);
  command('/:id/sign', ['unit'], z.object({}).passthrough(), msg.signUpdate, () => ({}));
  command('/:id/extension-requests', ['unit'], extensionRequestBody, msg.extensionRequestUpdate, (b) => b);
  command('/:id/extension-decision', ['office', 'admin'], extensionDecisionBody, msg.extensionDecisionUpdate, (b) => b);
  command('/:id/return', ['unit'], reasonBody, msg.returnUpdate, (b) => b);
  command('/:id/reassign', ['office', 'admin'], reassignBody, msg.reassignUpdate, (b) => b);
  command('/:id/result', ['unit'], resultBody, msg.resultUpdate, (b) => b);
  command('/:id/feedback', ['complainant'], feedbackBody, msg.feedbackUpdate, (b) => b);
  command('/:id/instalments/:n/confirm', ['complainant'], instalmentBody, msg.instalmentUpdate, (b, req) => ({ ...b, n: parse(z.coerce.number().int().min(1), req.params.n, 'n') }));
  command('/:id/withdraw', ['complainant'], reasonBody, msg.withdrawUpdate, (b) => b);
  command('/:id/escalate', ['office', 'admin'], reasonBody, msg.escalateUpdate, (b) => b);
  command('/:id/serious', ['office', 'admin'], reasonBody, msg.seriousUpdate, (b) => b);
  command('/:id/close', ['office', 'admin'], closeBody, msg.closeUpdate, (b) => b);

  return router;
}

/** A new case is projected by its workflow within milliseconds; answer with that projection when it is there. */
async function waitForFirstProjection(prisma: PrismaClient, id: string) {
  for (let i = 0; i < 100; i++) {
    const row = await prisma.case.findUniqueOrThrow({ where: { id } });
    if (row.projectedSeq > 0) return row;
    await new Promise((r) => setTimeout(r, 30));
  }
  return prisma.case.findUniqueOrThrow({ where: { id } });
}

function finishedCaseReason(status: CaseStatus): string {
  return status === 'closed' ? 'The case is closed; no further action can be taken on it.' : `The case was ${status}; no further action can be taken on it.`;
}
