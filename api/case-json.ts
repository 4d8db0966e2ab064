import type { Case } from '../prisma/generated/client';
import type { Complaint } from '../domain/complaint';
import type { CaseView } from '../workflows/case-view';

/** The case as the API returns it: the stored complaint plus what the workflow projected. */
export function caseJson(row: Case) {
  const complaint = row.complaint as unknown as Complaint;
  const view = row.detail as unknown as Partial<CaseView>;
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status,
    escalationLevel: row.escalationLevel,
    unitId: row.unitId,
    channel: complaint.channel,
    complainant: complaint.complainant,
    respondent: complaint.respondent,
    contract: complaint.contract,
    description: complaint.description,
    evidence: complaint.evidence,
    outcome: row.outcome,
    result: view.result ?? null,
    plan: view.plan ?? [],
    pendingExtension: view.pendingExtension ?? null,
    deadlines: (view.deadlines ?? []).map((d) => ({ key: d.key, name: d.name, dueAt: d.dueAt, state: d.state, ...(d.metAt ? { metAt: d.metAt } : {}) })),
    nextDeadlineAt: row.nextDeadlineAt?.toISOString() ?? null,
    timeline: (view.timeline ?? []).map((e) => ({ seq: e.seq, what: e.type, who: e.actor, when: e.at, data: e.data })),
    notifications: [],
    sanctions: view.seriousFound ? [{ status: 'started' }] : [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
