import { ApplicationFailure } from '@temporalio/activity';
import type { Prisma, PrismaClient } from '../prisma/client';
import type { Complaint } from '../domain/complaint';
import type { TemplateKey } from '../domain/notification-plan';
import type { Measure, SanctionKind } from '../domain/sanctions';
import { contactsOf, insertDeliveries, type Notice } from './notifications';
import { OFFICE_UNIT_ID } from '../domain/complaint';
import type { ActivityDeps } from './index';

export interface SanctionOrderRequest {
  caseId: string;
  caseNumber: string;
  respondent: Complaint['respondent'];
  measure: Measure;
  kind: SanctionKind;
}

export interface IssuedOrder {
  orderId: string;
  /** Null when no agency handles the measure: the order is recorded and its delivery shows as failed. */
  agencyId: string | null;
  /** The order's deliveries (one per channel of the agency): pass them to dispatchDeliveries to wait for them alone. */
  deliveryIds: string[];
}

/** Readable by the agency's clerk and unique per case, measure and kind. */
export const sanctionOrderId = (caseNumber: string, measure: Measure, kind: SanctionKind) => `${caseNumber}.${kind}.${measure}`;
export const sanctionStep = (measure: Measure, kind: SanctionKind) => `sanction:${measure}:${kind}`;

async function caseParties(tx: Prisma.TransactionClient, caseId: string) {
  const row = await tx.case.findUnique({ where: { id: caseId }, select: { caseNumber: true, complaint: true } });
  if (!row) throw ApplicationFailure.create({ type: 'CaseNotFound', message: `case ${caseId} has no row`, nonRetryable: true });
  return { caseNumber: row.caseNumber, complaint: row.complaint as unknown as Complaint };
}

/** The complainant and the office are told when the respondent is listed and when the listing is lifted. */
async function noticesToParties(tx: Prisma.TransactionClient, caseId: string, step: string, template: TemplateKey, at: string, data: Record<string, unknown>): Promise<Notice[]> {
  const { caseNumber, complaint } = await caseParties(tx, caseId);
  const office = await tx.unit.findUnique({ where: { id: OFFICE_UNIT_ID } });
  const recipients = [
    { recipient: 'complainant' as const, recipientId: null, contacts: { email: complaint.complainant.email ?? undefined, webhookUrl: complaint.complainant.webhookUrl ?? undefined } },
    { recipient: 'office' as const, recipientId: OFFICE_UNIT_ID, contacts: contactsOf(office?.contacts) },
  ];
  return recipients.map((r) => ({
    caseId,
    caseNumber,
    step,
    eventSeq: null,
    eventType: template,
    at,
    ...r,
    template,
    context: { caseNumber, complainantName: complaint.complainant.name, respondentName: complaint.respondent.name, unitName: null, recipient: r.recipient, eventType: template, data },
  }));
}

/**
 * Orders to agencies and the public list of dishonest payers. Every activity is idempotent by its
 * business key, and its messages go through the same outbox as every notification (dispatchDeliveries).
 */
export function createSanctions({ prisma }: ActivityDeps) {
  return {
    /**
     * Records one order to impose or lift one measure and queues it for the agency that handles the
     * measure; lifting goes to the agency that received the imposing order. Idempotent by
     * (caseId, measure, kind): a retry returns the same order and queues nothing new.
     */
    async issueSanctionOrder(req: SanctionOrderRequest): Promise<IssuedOrder> {
      const orderId = sanctionOrderId(req.caseNumber, req.measure, req.kind);
      return prisma.$transaction(async (tx) => {
        const existing = await tx.sanctionOrder.findUnique({ where: { caseId_measure_kind: { caseId: req.caseId, measure: req.measure, kind: req.kind } } });
        let agencyId = existing ? existing.agencyId : null;
        if (!existing) {
          const imposed = req.kind === 'lift' ? await tx.sanctionOrder.findUnique({ where: { caseId_measure_kind: { caseId: req.caseId, measure: req.measure, kind: 'impose' } } }) : null;
          agencyId = imposed?.agencyId ?? (await tx.agency.findFirst({ where: { measures: { has: req.measure } }, orderBy: { id: 'asc' } }))?.id ?? null;
          await tx.sanctionOrder.createMany({
            data: [
              {
                id: orderId,
                caseId: req.caseId,
                caseNumber: req.caseNumber,
                measure: req.measure,
                kind: req.kind,
                agencyId,
                ...respondentColumns(req.respondent),
              },
            ],
            skipDuplicates: true,
          });
        }
        const agency = agencyId ? await tx.agency.findUnique({ where: { id: agencyId } }) : null;
        const { complaint } = await caseParties(tx, req.caseId);
        const template: TemplateKey = req.kind === 'impose' ? 'sanction_order_impose' : 'sanction_order_lift';
        const data = {
          orderId,
          measure: req.measure,
          kind: req.kind,
          agencyId,
          ...respondentColumns(req.respondent),
        };
        const deliveryIds = await insertDeliveries(tx, [
          {
            caseId: req.caseId,
            caseNumber: req.caseNumber,
            step: sanctionStep(req.measure, req.kind),
            eventSeq: null,
            eventType: template,
            at: (existing?.createdAt ?? new Date()).toISOString(),
            recipient: 'agency',
            recipientId: agencyId,
            contacts: contactsOf(agency?.contacts),
            template,
            context: { caseNumber: req.caseNumber, complainantName: complaint.complainant.name, respondentName: req.respondent.name, unitName: agency?.name ?? null, recipient: 'agency', eventType: template, data },
          },
        ]);
        return { orderId, agencyId, deliveryIds };
      });
    },

    /** Puts the respondent on the public list from `publicitySince`; listing again changes nothing. */
    async listDishonestPayer({ caseId, respondent, publicitySince }: { caseId: string; respondent: Complaint['respondent']; publicitySince: string }): Promise<{ listedSince: string }> {
      return prisma.$transaction(async (tx) => {
        const { caseNumber } = await caseParties(tx, caseId);
        await tx.dishonestPayer.createMany({
          data: [{ caseId, caseNumber, respondentName: respondent.name, respondentCreditCode: respondent.creditCode ?? null, respondentType: respondent.type, listedSince: new Date(publicitySince) }],
          skipDuplicates: true,
        });
        const listing = await tx.dishonestPayer.findUniqueOrThrow({ where: { caseId } });
        const since = listing.listedSince.toISOString();
        await insertDeliveries(tx, await noticesToParties(tx, caseId, 'listing:listed', 'dishonest_payer_listed', since, { since }));
        return { listedSince: since };
      });
    },

    /** Credit repair: takes the respondent off the public list as of `delistedAt`; idempotent. */
    async delistDishonestPayer({ caseId, delistedAt }: { caseId: string; delistedAt: string }): Promise<{ delisted: boolean }> {
      return prisma.$transaction(async (tx) => {
        const listing = await tx.dishonestPayer.findUnique({ where: { caseId } });
        if (!listing) return { delisted: false };
        const at = (listing.delistedAt ?? new Date(delistedAt)).toISOString();
        if (!listing.delistedAt) await tx.dishonestPayer.update({ where: { caseId }, data: { delistedAt: new Date(at) } });
        await insertDeliveries(tx, await noticesToParties(tx, caseId, 'listing:delisted', 'dishonest_payer_delisted', at, { at }));
        return { delisted: true };
      });
    },
  };
}

/** A case's orders with their receipts, for the API's case detail. */
export async function listSanctionOrders(prisma: PrismaClient, caseId: string) {
  const [orders, deliveries] = await Promise.all([
    prisma.sanctionOrder.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    prisma.delivery.findMany({ where: { caseId, step: { startsWith: 'sanction:' } } }),
  ]);
  return orders.map((o) => {
    const mine = deliveries.filter((d) => d.step === `sanction:${o.measure}:${o.kind}`);
    const sent = mine.find((d) => d.status === 'sent');
    const status = sent ? 'sent' : mine.some((d) => d.status === 'pending' || d.status === 'sending') ? 'pending' : 'failed';
    return {
      orderId: o.id,
      measure: o.measure,
      kind: o.kind,
      agencyId: o.agencyId,
      issuedAt: o.createdAt.toISOString(),
      status,
      receipt: sent ? { deliveryId: sent.id, sentAt: sent.sentAt?.toISOString() ?? null, answer: sent.receipt } : null,
    };
  });
}

/** Respondents currently on the public list (失信名单), newest first. */
export async function listDishonestPayers(prisma: PrismaClient) {
  const rows = await prisma.dishonestPayer.findMany({ where: { delistedAt: null }, orderBy: [{ listedSince: 'desc' }, { caseNumber: 'asc' }] });
  return rows.map((r) => ({
    respondentName: r.respondentName,
    creditCode: r.respondentCreditCode,
    respondentType: r.respondentType,
    listedSince: r.listedSince.toISOString(),
    caseNumber: r.caseNumber,
  }));
}

function respondentColumns(respondent: Complaint['respondent']) {
  return { respondentName: respondent.name, respondentCreditCode: respondent.creditCode ?? null, respondentType: respondent.type };
}
