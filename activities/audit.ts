import crypto from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/client';
import { GENESIS_HASH, canonicalJson, eventHash } from './projection';

export const AUDIT_PROBLEMS = ['payload altered', 'hash mismatch', 'chain broken', 'sequence gap', 'events missing'] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];

/** The verification's answer, once: the CLI prints it, the API sends it and the OpenAPI document describes it. */
export const brokenLinkSchema = z.object({
  caseId: z.string(),
  /** The first seq at which the trail is not what was written. */
  seq: z.number().int(),
  /** The stored row at that seq; null when the row is missing. */
  eventId: z.string().nullable(),
  problem: z.enum(AUDIT_PROBLEMS),
  detail: z.string(),
});
export const auditResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), cases: z.number().int(), events: z.number().int() }),
  z.object({ ok: z.literal(false), firstBroken: brokenLinkSchema }),
]);
export type BrokenLink = z.infer<typeof brokenLinkSchema>;
export type AuditResult = z.infer<typeof auditResultSchema>;

/** Cases read per round trip: keeps memory flat however many cases the office holds. */
const CASE_BATCH = 200;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

interface StoredEvent {
  id: bigint;
  caseId: string;
  seq: number;
  type: string;
  actor: string;
  actorRole: string;
  at: Date;
  payload: unknown;
  payloadHash: string;
  prevHash: string;
  hash: string;
}

/**
 * Walks every case's events in seq order and recomputes the chain the projection wrote: the payload
 * hash, each event's hash and its link to the previous one. Stops at the first broken link, in case id
 * order. Events are append-only, so reading a case's projected_seq before its events never mistakes a
 * projection in flight for a missing event.
 */
export async function verifyAuditTrail(prisma: PrismaClient, opts: { caseId?: string } = {}): Promise<AuditResult> {
  let cases = 0;
  let events = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await prisma.case.findMany({
      where: opts.caseId !== undefined ? { id: opts.caseId } : after !== undefined ? { id: { gt: after } } : {},
      orderBy: { id: 'asc' },
      take: CASE_BATCH,
      select: { id: true, projectedSeq: true },
    });
    if (batch.length === 0) break;
    const stored = await prisma.caseEvent.findMany({
      where: { caseId: { in: batch.map((c) => c.id) } },
      orderBy: [{ caseId: 'asc' }, { seq: 'asc' }],
    });
    const byCase = new Map<string, StoredEvent[]>();
    for (const e of stored) {
      const list = byCase.get(e.caseId);
      if (list) list.push(e);
      else byCase.set(e.caseId, [e]);
    }
    for (const c of batch) {
      const trail = byCase.get(c.id) ?? [];
      const broken = verifyCase(c.id, c.projectedSeq, trail);
      if (broken) return { ok: false, firstBroken: broken };
      cases += 1;
      events += trail.length;
    }
    if (opts.caseId !== undefined || batch.length < CASE_BATCH) break;
    after = batch[batch.length - 1]?.id;
  }
  return { ok: true, cases, events };
}

function verifyCase(caseId: string, projectedSeq: number, trail: StoredEvent[]): BrokenLink | undefined {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of trail) {
    const at = { caseId, seq: e.seq, eventId: e.id.toString() };
    if (e.seq !== expectedSeq) {
      return { caseId, seq: expectedSeq, eventId: null, problem: 'sequence gap', detail: `event ${expectedSeq} is missing; the next stored event is ${e.seq}` };
    }
    if (sha256(canonicalJson(e.payload)) !== e.payloadHash) {
      return { ...at, problem: 'payload altered', detail: 'the stored payload no longer matches its payload hash' };
    }
    if (e.prevHash !== prevHash) {
      return { ...at, problem: 'chain broken', detail: "the event's previous hash is not the hash of the event before it" };
    }
    const recomputed = eventHash({ caseId, seq: e.seq, type: e.type, actor: e.actor, actorRole: e.actorRole, at: e.at.toISOString(), payloadHash: e.payloadHash, prevHash: e.prevHash });
    if (recomputed !== e.hash) {
      return { ...at, problem: 'hash mismatch', detail: "the stored hash does not match the event's fields" };
    }
    prevHash = e.hash;
    expectedSeq += 1;
  }
  if (expectedSeq <= projectedSeq) {
    return { caseId, seq: expectedSeq, eventId: null, problem: 'events missing', detail: `the case records ${projectedSeq} events but the trail ends at ${expectedSeq - 1}` };
  }
  return undefined;
}

/** One line for an operator: what is intact, or where the trail first breaks. */
export function describeAuditResult(r: AuditResult): string {
  if (r.ok) return `Audit trail intact: ${r.cases} case(s), ${r.events} event(s) verified`;
  const b = r.firstBroken;
  return `Audit trail broken: case ${b.caseId} seq ${b.seq}${b.eventId ? ` (event id ${b.eventId})` : ''}: ${b.problem}: ${b.detail}`;
}
