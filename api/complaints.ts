import { Router, type Request } from 'express';
import { z } from 'zod';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { PrismaClient } from '../prisma/client';
import type { Prisma } from '../prisma/generated/client';
import { complaintSchema } from '../domain/complaint';
import { policyFileSchema } from '../domain/policy';
import { OUTCOMES, REJECTION_REASONS, CASE_STATUSES, isTerminal, type CaseStatus } from '../domain/case-status';
import { isoDate, yuanAmount } from '../domain/complaint';
import * as msg from '../workflows/messages';
import type { CaseView } from '../workflows/case-view';
import type { Actor } from '../domain/case-record';
import { actorOf, principalOf, requireRole } from './auth';
import { caseExtras, caseJson, type CaseExtras } from './case-json';
import { WorkingCalendar } from '../domain/calendar';
import { HttpError, notFound } from './errors';
import { parseBody } from './validation';
import { assertMayFile, fileComplaint, type IntakeDeps } from './intake';
import { parseCaseNumber } from '../domain/case-number';
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
export const policyBody = z.object({ changes: policyFileSchema, reason: z.string().trim().min(1, 'is required').max(2000) });
export const listQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  unitId: z.string().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  escalationLevel: z.coerce.number().int().min(0).max(3).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Who may see which case: an invisible case is answered exactly like a missing one. */
export function visibleWhere(p: Principal): Prisma.CaseWhereInput {
  if (p.role === 'complainant') return { complainantCreditCode: p.creditCode ?? '' };
  if (p.role === 'unit') return { unitIds: { has: p.unitId ?? '' } };
  return {};
}

/** A decision on a case: one route, one body schema, one workflow update. The OpenAPI document reads the same list. */
export interface CommandRoute {
  path: string;
  summary: string;
  roles: Principal['role'][];
  body: z.ZodType;
  send(req: Request, handle: WorkflowHandle): Promise<unknown>;
}

function commandRoute<B, A extends { actor: Actor }>(
  path: string,
  summary: string,
  roles: Principal['role'][],
  body: z.ZodType<B>,
  update: UpdateDefinition<CaseView, [A]>,
  toArgs: (body: B, req: Request) => Omit<A, 'actor'>,
): CommandRoute {
  return {
    path,
    summary,
    roles,
    body,
    send: (req, handle) => {
      const parsed = parseBody(body, req.body);
      const args = { ...toArgs(parsed, req), actor: actorOf(principalOf(req)) } as A;
      return handle.executeUpdate(update, { args: [args] });
    },
  };
}

export const COMMAND_ROUTES: CommandRoute[] = [
  commandRoute('/:id/review', 'The office accepts, rejects (with a statutory reason) or asks for information', ['office', 'admin'], reviewBody, msg.reviewUpdate, (b) => b),
  commandRoute('/:id/supplements', 'The complainant supplies the information asked for', ['complainant', 'office'], supplementBody, msg.supplementUpdate, (b) => b),
  commandRoute('/:id/sign', 'The unit signs for the case (签收)', ['unit'], z.object({}), msg.signUpdate, () => ({})),
  commandRoute('/:id/extension-requests', 'The unit asks for more time', ['unit'], extensionRequestBody, msg.extensionRequestUpdate, (b) => b),
  commandRoute('/:id/extension-decision', 'The office approves or denies the extension', ['office', 'admin'], extensionDecisionBody, msg.extensionDecisionUpdate, (b) => b),
  commandRoute('/:id/return', 'The unit hands back a misrouted case', ['unit'], reasonBody, msg.returnUpdate, (b) => b),
  commandRoute('/:id/reassign', 'The office assigns the case to another unit', ['office', 'admin'], reassignBody, msg.reassignUpdate, (b) => b),
  commandRoute('/:id/result', 'The unit reports the result', ['unit'], resultBody, msg.resultUpdate, (b) => b),
  commandRoute('/:id/feedback', 'The complainant says whether it is satisfied', ['complainant'], feedbackBody, msg.feedbackUpdate, (b) => b),
  commandRoute('/:id/instalments/:n/confirm', 'The complainant confirms whether an instalment was paid', ['complainant'], instalmentBody, msg.instalmentUpdate, (b, req) => ({
    ...b,
    n: parseBody(z.coerce.number().int().min(1, 'must be 1 or more'), req.params.n, 'n'),
  })),
  commandRoute('/:id/withdraw', 'The complainant withdraws the complaint', ['complainant'], reasonBody, msg.withdrawUpdate, (b) => b),
  commandRoute('/:id/escalate', 'The office moves the case one step up the escalation ladder', ['office', 'admin'], reasonBody, msg.escalateUpdate, (b) => b),
  commandRoute('/:id/serious', 'The office finds the case serious: sanctions start', ['office', 'admin'], reasonBody, msg.seriousUpdate, (b) => b),
  commandRoute('/:id/close', 'The office closes the case (办结)', ['office', 'admin'], closeBody, msg.closeUpdate, (b) => b),
  commandRoute(
    '/:id/policy',
    "The office changes this one case's time limits on purpose; deadlines opened from now on follow them",
    ['office', 'admin'],
    policyBody,
    msg.policyUpdate,
    // The workflow reads the entries as written (durations, { workingDays }), as a policy file has them.
    (b, req) => ({ changes: (req.body as { changes: Record<string, unknown> }).changes, reason: b.reason }),
  ),
];

const UPDATE_DEADLINE_MS = 20_000;

export interface ComplaintRoutesDeps extends IntakeDeps {
  prisma: PrismaClient;
  temporal: Client;
}

export function complaintRoutes(deps: ComplaintRoutesDeps): Router {
  const router = Router();
  const { prisma, temporal } = deps;
  const calendar = new WorkingCalendar(deps.calendar);
  // Unit names ride along so every role can read who handles its case (the units list itself is staff-only).
  const unitNames = async () => new Map((await prisma.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const json = (row: Parameters<typeof caseJson>[0], names: ReadonlyMap<string, string>, extras?: CaseExtras) => caseJson(row, extras, deps.now?.() ?? new Date(), calendar, names);

  async function loadVisible(req: Request) {
    const id = String(req.params.id);
    const row = await prisma.case.findFirst({ where: { AND: [{ OR: [{ id }, { caseNumber: id }] }, visibleWhere(principalOf(req))] } });
    if (!row) throw notFound();
    return row;
  }

  router.post('/', requireRole('complainant', 'office'), async (req, res) => {
    const complaint = parseBody(complaintSchema, req.body);
    const principal = principalOf(req);
    assertMayFile(principal, complaint);
    const idempotencyKey = req.get('idempotency-key')?.trim() || undefined;
    if (idempotencyKey && idempotencyKey.length > 200) throw new HttpError('validation_failed', 'Idempotency-Key: must be at most 200 characters', [{ path: 'Idempotency-Key', message: 'must be at most 200 characters' }]);
    const { row, created } = await fileComplaint(deps, complaint, { idempotencyKey, keyOwner: principal.keyId });
    const fresh = created ? await waitForFirstProjection(prisma, row.id) : row;
    res.status(created ? 201 : 200).json(json(fresh, await unitNames(), await caseExtras(prisma, fresh.id)));
  });

  router.get('/', async (req, res) => {
    const query = parseBody(listQuery, req.query, 'query');
    const filters: Prisma.CaseWhereInput[] = [visibleWhere(principalOf(req))];
    if (query.status) filters.push({ status: query.status });
    if (query.unitId) filters.push({ unitId: query.unitId });
    if (query.escalationLevel !== undefined) filters.push({ escalationLevel: query.escalationLevel });
    if (query.overdue) filters.push({ overdue: query.overdue === 'true' });
    if (query.q && parseCaseNumber(query.q.trim()).ok) {
      // A case number is unique and indexed: no need to scan names.
      filters.push({ caseNumber: query.q.trim() });
    } else if (query.q) {
      filters.push({
        OR: [
          { caseNumber: { contains: query.q, mode: 'insensitive' } },
          { complainantName: { contains: query.q, mode: 'insensitive' } },
          { respondentName: { contains: query.q, mode: 'insensitive' } },
        ],
      });
    }
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after) filters.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
    const rows = await prisma.case.findMany({ where: { AND: filters }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const names = await unitNames();
    res.json({ items: page.map((row) => json(row, names)), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null });
  });

  router.get('/:id', async (req, res) => {
    const row = await loadVisible(req);
    res.json(json(row, await unitNames(), await caseExtras(prisma, row.id)));
  });

  for (const route of COMMAND_ROUTES) {
    router.post(route.path, requireRole(...route.roles), async (req, res) => {
      const row = await loadVisible(req);
      try {
        // Bounded: with no server or no worker, the client answers 503 instead of waiting forever.
        await temporal.connection.withDeadline(Date.now() + (deps.temporalDeadlineMs ?? UPDATE_DEADLINE_MS), () => route.send(req, temporal.workflow.getHandle(row.id)));
      } catch (err) {
        // A finished case's workflow is gone; say why nothing more can happen, as the transition table does.
        if (err instanceof WorkflowNotFoundError && isTerminal(row.status as CaseStatus)) throw new HttpError('conflict', finishedCaseReason(row.status as CaseStatus));
        throw err;
      }
      const updated = await prisma.case.findUniqueOrThrow({ where: { id: row.id } });
      res.json(json(updated, await unitNames(), await caseExtras(prisma, updated.id)));
    });
  }

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

/** Keyset pagination: the cursor is the last item's (createdAt, id), so pages stay stable as cases arrive. */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new HttpError('validation_failed', 'query.cursor: is not a cursor this API returned', [{ path: 'query.cursor', message: 'is not a cursor this API returned' }]);
  }
}
