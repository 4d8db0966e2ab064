import type { Case } from '../prisma/generated/client';
import type { PrismaClient } from '../prisma/client';
import { listCaseNotifications, type CaseNotification } from '../activities/notifications';
import { listSanctionOrders } from '../activities/sanctions';
import type { Complaint } from '../domain/complaint';
import type { CaseView } from '../workflows/case-view';
import { beijingDateOf } from '../domain/beijing-date';
import type { WorkingCalendar } from '../domain/calendar';
import { paymentDue } from '../domain/payment-term';
import { interestAnswer, type InterestAnswer } from './public';

/** The case as the API returns it: the stored complaint plus what the workflow projected. */
export interface CaseExtras {
  notifications: CaseNotification[];
  sanctions: Awaited<ReturnType<typeof listSanctionOrders>>;
}

/** What a case's detail shows besides the row: who was told what, and the sanction orders with their receipts. */
export async function caseExtras(prisma: PrismaClient, caseId: string): Promise<CaseExtras> {
  const [notifications, sanctions] = await Promise.all([listCaseNotifications(prisma, caseId), listSanctionOrders(prisma, caseId)]);
  return { notifications, sanctions };
}

/**
 * With a calendar, each open deadline also says how many working days are left (negative once passed),
 * counted in Beijing dates: the countdown the office's inbox shows. With the units' names, the case
 * names its unit too.
 */
export function caseJson(row: Case, extras: CaseExtras = { notifications: [], sanctions: [] }, now = new Date(), calendar?: WorkingCalendar, unitNames?: ReadonlyMap<string, string>) {
  const today = beijingDateOf(now);
  const complaint = row.complaint as unknown as Complaint;
  const view = row.detail as unknown as Partial<CaseView>;
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status,
    escalationLevel: row.escalationLevel,
    unitId: row.unitId,
    ...(unitNames ? { unitName: row.unitId ? (unitNames.get(row.unitId) ?? null) : null } : {}),
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
    deadlines: (view.deadlines ?? []).map((d) => ({
      key: d.key,
      name: d.name,
      ...(d.openedAt ? { openedAt: d.openedAt } : {}),
      dueAt: d.dueAt,
      state: d.state,
      ...(d.metAt ? { metAt: d.metAt } : {}),
      ...(d.extended ? { extended: true } : {}),
      ...(calendar && d.state === 'open' ? { workingDaysLeft: calendar.workingDaysBetween(today, beijingDateOf(new Date(d.dueAt))) } : {}),
    })),
    nextDeadlineAt: row.nextDeadlineAt?.toISOString() ?? null,
    timeline: (view.timeline ?? []).map((e) => ({ seq: e.seq, what: e.type, who: e.actor, when: e.at, data: e.data })),
    notifications: extras.notifications,
    interestOwed: interestOwed(complaint, now),
    seriousFound: view.seriousFound ?? false,
    sanctions: extras.sanctions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/**
 * Interest owed so far: from the agreed payment date, or else the statutory term after delivery, to today
 * (Beijing). Null when neither date is known, or when a contract rate cannot be checked against the LPR.
 */
function interestOwed(complaint: Complaint, now: Date): InterestAnswer | null {
  const { contract, respondent } = complaint;
  const dueDate = contract.agreedPaymentDate ?? (contract.deliveredOn ? paymentDue({ respondentType: respondent.type, deliveredOn: contract.deliveredOn }) : null);
  const due = typeof dueDate === 'string' ? dueDate : dueDate?.known ? dueDate.dueDate : null;
  const asOf = beijingDateOf(now);
  if (!due || asOf < due || (contract.agreedAnnualRate && !contract.lprAtSigning)) return null;
  return interestAnswer({ principal: contract.overdueAmount, dueDate: due, asOf, annualRate: contract.agreedAnnualRate ?? undefined, lpr: contract.lprAtSigning ?? undefined });
}
