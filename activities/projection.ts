import crypto from 'node:crypto';
import type { Complaint } from '../domain/complaint';
import { isTerminal } from '../domain/case-status';
import type { CaseView } from '../workflows/case-view';
import type { ActivityDeps } from './index';
import { enqueueEventNotifications } from './notifications';

export const GENESIS_HASH = '0'.repeat(64);

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Canonical JSON (sorted keys), so a payload hashes the same however it was built. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface ChainedEvent {
  caseId: string;
  seq: number;
  type: string;
  actor: string;
  actorRole: string;
  at: string;
  payloadHash: string;
  prevHash: string;
}

/** Each event's hash covers its own fields and the previous hash, so altering any row breaks the chain. */
export function eventHash(e: ChainedEvent): string {
  return sha256([e.caseId, e.seq, e.type, e.actorRole, e.actor, e.at, e.payloadHash, e.prevHash].join('|'));
}

export function createProjection({ prisma, smsGatewayUrl }: ActivityDeps) {
  return {
    /**
     * Writes the workflow's view into the read model. Idempotent: a retry, or an older view arriving after
     * a newer one, changes nothing; events are appended by seq and never rewritten. The notices the new
     * events cause go into the outbox in the same transaction (dispatchDeliveries sends them).
     */
    async projectCase({ view, complaint }: { view: CaseView; complaint: Complaint }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ projected_seq: number }[]>`select projected_seq from cases where id = ${view.caseId} for update`;
        const stored = rows[0];
        if (!stored) throw new Error(`case ${view.caseId} has no row to project into`);
        if (stored.projected_seq >= view.seq) return;

        const last = await tx.caseEvent.findFirst({ where: { caseId: view.caseId }, orderBy: { seq: 'desc' } });
        let prevHash = last?.hash ?? GENESIS_HASH;
        const fresh = view.timeline.filter((e) => e.seq > (last?.seq ?? 0));
        for (const e of fresh) {
          const payloadHash = sha256(canonicalJson(e.data));
          const chained: ChainedEvent = { caseId: view.caseId, seq: e.seq, type: e.type, actor: e.actor.id, actorRole: e.actor.role, at: e.at, payloadHash, prevHash };
          const hash = eventHash(chained);
          await tx.caseEvent.create({
            data: { ...chained, at: new Date(e.at), payload: e.data as object, hash },
          });
          prevHash = hash;
        }
        await enqueueEventNotifications(tx, { view, complaint, fresh, sms: Boolean(smsGatewayUrl) });

        for (const d of view.deadlines) {
          const values = { name: d.name, dueAt: new Date(d.dueAt), state: d.state, metAt: d.metAt ? new Date(d.metAt) : null };
          await tx.caseDeadline.upsert({
            where: { caseId_key: { caseId: view.caseId, key: d.key } },
            create: { caseId: view.caseId, key: d.key, ...values },
            update: values,
          });
        }

        const closing = isTerminal(view.status);
        await tx.case.update({
          where: { id: view.caseId },
          data: {
            status: view.status,
            unitId: view.unitId,
            unitIds: view.unitHistory,
            overdue: !closing && view.deadlines.some((d) => d.state === 'missed'),
            escalationLevel: view.escalationLevel,
            outcome: view.outcome,
            nextDeadlineAt: view.nextDeadlineAt ? new Date(view.nextDeadlineAt) : null,
            detail: view as unknown as object,
            projectedSeq: view.seq,
            closedAt: closing ? new Date(view.timeline[view.timeline.length - 1]?.at ?? Date.now()) : null,
          },
        });
      });
    },
  };
}
