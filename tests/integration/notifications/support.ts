// Fixtures for the notification tests; the receivers themselves live in tests/support/receivers.ts.
import crypto from 'node:crypto';
import type { RespondentType } from '../../../domain/case-status';
import { complaintSchema, type Complaint } from '../../../domain/complaint';
import type { PrismaClient } from '../../../prisma/client';
import { newCaseView, type CaseView } from '../../../workflows/case-view';
import { exampleComplaint } from '../../support/fixtures';
import { caseRowFields } from '../../../api/intake';
export { parseMail, startSmtpReceiver, startWebhookReceiver, type ReceivedHook, type ReceivedMail } from '../../support/receivers';

/** A case row as intake writes it, for the activities to project into; the complaint as the API would parse it. */
export async function insertCase(
  prisma: PrismaClient,
  n: number,
  opts: { respondentType?: RespondentType; respondentName?: string; respondentCreditCode?: string | null; email?: string | null; webhookUrl?: string | null } = {},
): Promise<{ caseId: string; caseNumber: string; complaint: Complaint }> {
  const raw = exampleComplaint({ contractTitle: `notifications ${n}` });
  const complaint = complaintSchema.parse({
    ...raw,
    complainant: { ...raw.complainant, email: opts.email === undefined ? 'ops@example.com' : opts.email, webhookUrl: opts.webhookUrl ?? null },
    respondent: { ...raw.respondent, type: opts.respondentType ?? 'government_organ', name: opts.respondentName ?? raw.respondent.name, creditCode: opts.respondentCreditCode ?? null },
  });
  const caseId = crypto.randomUUID();
  const caseNumber = `FCG-2026-${String(n).padStart(6, '0')}`;
  await prisma.case.create({
    data: {
      id: caseId,
      caseNumber,
      duplicateKey: caseId,
      ...caseRowFields(complaint),
    },
  });
  return { caseId, caseNumber, complaint };
}

type EventSpec = [type: string, data?: Record<string, unknown>];

/** The workflow's view after the given events, as projectCase receives it. */
export function viewWith(c: { caseId: string; caseNumber: string }, events: EventSpec[], unitId: string | null = null): CaseView {
  const start = Date.parse('2026-12-01T02:00:00Z');
  const timeline = events.map(([type, data = {}], i) => ({ seq: i + 1, type, actor: { role: 'system' as const, id: 'workflow' }, at: new Date(start + i * 60_000).toISOString(), data }));
  return {
    ...newCaseView(c.caseId, c.caseNumber),
    status: unitId ? 'handling' : 'submitted',
    unitId,
    unitHistory: unitId ? [unitId] : [],
    timeline,
    seq: timeline.length,
  };
}

/** What a workflow does: dispatch, and while anything is pending, wait until it is due and dispatch again. */
export async function dispatchUntilSettled(
  dispatch: (args: { caseId: string; deliveryIds?: string[] }) => Promise<{ sent: number; pending: number; failed: number; nextAttemptAt: string | null }>,
  args: { caseId: string; deliveryIds?: string[] },
  maxRounds = 50,
) {
  let sent = 0;
  for (let round = 0; round < maxRounds; round += 1) {
    const r = await dispatch(args);
    sent += r.sent;
    if (r.pending === 0) return { ...r, sent, rounds: round + 1 };
    const wait = r.nextAttemptAt ? Math.max(0, Date.parse(r.nextAttemptAt) - Date.now()) : 0;
    await new Promise((resolve) => setTimeout(resolve, wait + 10));
  }
  throw new Error(`deliveries of ${args.caseId} still pending after ${maxRounds} rounds`);
}
