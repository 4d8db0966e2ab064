import crypto from 'node:crypto';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/client';
import type { Case } from '../prisma/generated/client';
import { duplicateKeyParts, type Complaint } from '../domain/complaint';
import { formatCaseNumber } from '../domain/case-number';
import { CASE_STATUSES, isTerminal } from '../domain/case-status';
import type { CasePolicy } from '../domain/policy';
import type { CalendarData } from '../domain/calendar';
import type { CaseInput } from '../workflows/case';
import { complaintCase } from '../workflows/case';
import { CaseStatusKey } from '../workflows/search-attributes';
import { HttpError } from './errors';

export interface IntakeDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  policy: CasePolicy;
  calendar: CalendarData;
  now?: () => Date;
  /** How long a call to Temporal may take before the client gets 503 (default 20 s for decisions, 10 s for filing). */
  temporalDeadlineMs?: number;
}

/** A case is open until it reaches one of the transition table's terminal statuses. */
const OPEN_STATUSES = CASE_STATUSES.filter((s) => !isTerminal(s));

/**
 * Files a complaint: one row and one workflow, or the existing case when the same filing comes again
 * (same Idempotency-Key, or same complainant, respondent and contract while a case is open).
 */
export async function fileComplaint(
  deps: IntakeDeps,
  complaint: Complaint,
  opts: { idempotencyKey?: string; keyOwner: string },
): Promise<{ row: Case; created: boolean }> {
  const idempotencyKey = opts.idempotencyKey ? `${opts.keyOwner}:${opts.idempotencyKey}` : null;
  const duplicateKey = crypto.createHash('sha256').update(duplicateKeyParts(complaint).join('\u0000')).digest('hex');

  const existing = await findExisting(deps.prisma, idempotencyKey, duplicateKey);
  if (existing) {
    await ensureWorkflow(deps, existing);
    return { row: existing, created: false };
  }

  const now = (deps.now ?? (() => new Date()))();
  let row: Case;
  try {
    row = await deps.prisma.$transaction(async (tx) => {
      const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
      const counter = await tx.caseNumberCounter.upsert({ where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } } });
      return tx.case.create({
        data: {
          id: crypto.randomUUID(),
          caseNumber: formatCaseNumber(year, counter.last),
          idempotencyKey,
          duplicateKey,
          ...caseRowFields(complaint),
          createdAt: now,
        },
      });
    });
  } catch (err) {
    // Two identical filings raced: the unique idempotency key let one in; answer with it.
    if ((err as { code?: string }).code === 'P2002') {
      const winner = await findExisting(deps.prisma, idempotencyKey, duplicateKey);
      if (winner) {
        await ensureWorkflow(deps, winner);
        return { row: winner, created: false };
      }
    }
    throw err;
  }

  try {
    await ensureWorkflow(deps, row);
  } catch (err) {
    // No workflow, no case: remove the row so nothing is left half-written, and let the client retry.
    await deps.prisma.case.delete({ where: { id: row.id } }).catch(() => undefined);
    throw err;
  }
  return { row, created: true };
}

/** The columns a new case row takes from its complaint; the workflow's projection fills in the rest. */
export function caseRowFields(complaint: Complaint) {
  return {
    status: 'submitted',
    complainantCreditCode: complaint.complainant.creditCode,
    complainantName: complaint.complainant.name,
    respondentName: complaint.respondent.name,
    respondentType: complaint.respondent.type,
    regionCode: complaint.respondent.regionCode,
    amount: complaint.contract.amount,
    overdueAmount: complaint.contract.overdueAmount,
    complaint: complaint as unknown as object,
  };
}

async function findExisting(prisma: PrismaClient, idempotencyKey: string | null, duplicateKey: string): Promise<Case | null> {
  if (idempotencyKey) {
    const byKey = await prisma.case.findUnique({ where: { idempotencyKey } });
    if (byKey) return byKey;
  }
  return prisma.case.findFirst({ where: { duplicateKey, status: { in: OPEN_STATUSES } }, orderBy: { createdAt: 'asc' } });
}

/** Starting is idempotent: the workflow id is the case id, and an existing run is kept. */
async function ensureWorkflow(deps: IntakeDeps, row: Case): Promise<void> {
  const input: CaseInput = {
    caseId: row.id,
    caseNumber: row.caseNumber,
    filedAt: row.createdAt.toISOString(),
    complaint: row.complaint as unknown as Complaint,
    policy: deps.policy,
    calendar: deps.calendar,
  };
  try {
    await deps.temporal.connection.withDeadline(Date.now() + (deps.temporalDeadlineMs ?? 10_000), () => deps.temporal.workflow.start(complaintCase, {
      workflowId: row.id,
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      // A finished case is never started again.
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [{ key: CaseStatusKey, value: 'submitted' }],
    }));
  } catch (err) {
    if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') return;
    throw err;
  }
}

/**
 * Cases whose row was written but whose workflow never started (the API process died in between, and
 * the client did not retry): start them now. Run when a worker starts; harmless when there are none.
 */
export async function resumeUnstartedCases(deps: IntakeDeps, olderThanMs = 60_000): Promise<string[]> {
  const before = new Date((deps.now ?? (() => new Date()))().getTime() - olderThanMs);
  const rows = await deps.prisma.case.findMany({ where: { projectedSeq: 0, createdAt: { lt: before } }, orderBy: { createdAt: 'asc' }, take: 500 });
  for (const row of rows) await ensureWorkflow(deps, row);
  return rows.map((r) => r.caseNumber);
}

export function assertMayFile(principal: { role: string; creditCode: string | null }, complaint: Complaint): void {
  if (principal.role === 'complainant' && principal.creditCode !== complaint.complainant.creditCode) {
    throw new HttpError('forbidden', 'a complainant key may only file for its own credit code');
  }
  if (principal.role === 'office' && complaint.channel !== 'offline') {
    throw new HttpError('forbidden', 'the office files on behalf of an enterprise with channel "offline"');
  }
}
