import crypto from 'node:crypto';
import { Context } from '@temporalio/activity';
import { Prisma, type PrismaClient } from '../prisma/client';
import type { Complaint } from '../domain/complaint';
import type { TimelineEvent } from '../domain/case-record';
import { notificationPlan, type RecipientKind, type TemplateKey } from '../domain/notification-plan';
import type { CaseView } from '../workflows/case-view';
import { createChannels, type Channel } from './channels';
import { renderTemplate, smsText, type Language, type TemplateContext } from './templates';
import type { ActivityDeps } from './index';
import { OFFICE_UNIT_ID } from '../domain/complaint';

/** The office's own unit (seeded by scripts/runtime/seed.ts): its contacts reach the office and its head. */

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const NO_CONTACT = 'no contact';
const DEFAULT_LANGUAGE: Language = 'zh-CN';

export interface DeliveryPolicy {
  /** First retry after this long; each further retry waits twice as long… */
  baseDelayMs: number;
  /** …but never longer than this. */
  maxDelayMs: number;
  /** After this many attempts a delivery is given up ('failed'), shown on the case and counted. */
  maxAttempts: number;
  /** A claimed delivery whose sender died becomes claimable again after this long; must exceed a send's timeout. */
  claimTtlMs: number;
  /** Per send: the webhook request, the SMTP connection. */
  timeoutMs: number;
  /** Deliveries claimed per call; with `concurrency` and `timeoutMs` it bounds how long a call takes. */
  batchSize: number;
  /** Sends in flight at once. */
  concurrency: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  maxAttempts: 12,
  claimTtlMs: 60_000,
  timeoutMs: 5_000,
  batchSize: 50,
  concurrency: 10,
};

/** 2 s · 2^(n−1), capped: how long to wait after the n-th failed attempt. */
export function retryDelayMs(attempts: number, policy: Pick<DeliveryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

/**
 * Stable for a case, a step, a recipient and a channel: a retried projection or order finds the row it
 * already wrote, and the receiver sees the same id however often the message is sent.
 */
export function deliveryId(caseId: string, step: string, recipient: RecipientKind, recipientId: string | null, channel: Channel): string {
  const hash = crypto.createHash('sha256').update([caseId, step, recipient, recipientId ?? '', channel].join('|')).digest('hex');
  return `dlv-${hash.slice(0, 32)}`;
}

export interface Contacts {
  email?: string;
  webhookUrl?: string;
  leadershipEmail?: string;
  /** Reached through the SMS gateway, when one is configured. */
  phone?: string;
}

export function contactsOf(value: unknown): Contacts {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
  return { email: text(v.email), webhookUrl: text(v.webhookUrl), leadershipEmail: text(v.leadershipEmail), phone: text(v.phone) };
}

/** Where one recipient is reached: every channel it has, or none. */
export function addressesOf(recipient: RecipientKind, contacts: Contacts, sms = false): { channel: Channel; address: string }[] {
  if (recipient === 'unit_leadership' || recipient === 'office_head') {
    return contacts.leadershipEmail ? [{ channel: 'email', address: contacts.leadershipEmail }] : [];
  }
  const out: { channel: Channel; address: string }[] = [];
  if (contacts.email) out.push({ channel: 'email', address: contacts.email });
  if (contacts.webhookUrl) out.push({ channel: 'webhook', address: contacts.webhookUrl });
  if (sms && contacts.phone) out.push({ channel: 'sms', address: contacts.phone });
  return out;
}

export interface Notice {
  caseId: string;
  caseNumber: string;
  /** 'event:<seq>' for a timeline event; any other stable name for other steps. */
  step: string;
  eventSeq: number | null;
  eventType: string;
  at: string;
  recipient: RecipientKind;
  recipientId: string | null;
  contacts: Contacts;
  template: TemplateKey;
  context: TemplateContext;
  /** An SMS gateway is configured: recipients with a phone also get a text. */
  sms?: boolean;
}

/**
 * One row per channel the recipient has; a recipient without any gets one 'failed' row, so the gap shows
 * on the case instead of vanishing. Rendered now: what a retry sends is what was decided at this step,
 * whatever later edits to the templates.
 */
export function deliveryRows(n: Notice): Prisma.DeliveryCreateManyInput[] {
  const rendered = renderTemplate(n.template, DEFAULT_LANGUAGE, n.context);
  const addresses = addressesOf(n.recipient, n.contacts, n.sms);
  const targets: { channel: Channel; address: string | null }[] = addresses.length ? addresses : [{ channel: 'none', address: null }];
  return targets.map(({ channel, address }) => {
    const id = deliveryId(n.caseId, n.step, n.recipient, n.recipientId, channel);
    const text = channel === 'sms' ? smsText(rendered.subject, n.caseNumber) : rendered.body;
    const payload = channel === 'sms' ? { deliveryId: id, to: address, text } : {
      deliveryId: id,
      caseId: n.caseId,
      caseNumber: n.caseNumber,
      event: { seq: n.eventSeq, type: n.eventType, at: n.at },
      recipient: n.recipient,
      template: n.template,
      language: rendered.language,
      subject: rendered.subject,
      body: rendered.body,
      data: n.context.data,
    };
    return {
      id,
      caseId: n.caseId,
      step: n.step,
      eventSeq: n.eventSeq,
      eventType: n.eventType,
      recipientKind: n.recipient,
      recipientId: n.recipientId,
      channel,
      address,
      template: n.template,
      language: rendered.language,
      subject: rendered.subject,
      body: text,
      payload: payload as Prisma.InputJsonValue,
      status: channel === 'none' ? 'failed' : 'pending',
      lastError: channel === 'none' ? NO_CONTACT : null,
    };
  });
}

export async function insertDeliveries(tx: Prisma.TransactionClient, notices: Notice[]): Promise<string[]> {
  const rows = notices.flatMap(deliveryRows);
  if (rows.length) await tx.delivery.createMany({ data: rows, skipDuplicates: true });
  return rows.map((r) => r.id);
}

/** Notices that tell the recipient about a deadline the event opened, and which one. */
const DEADLINE_OPENED: Partial<Record<TemplateKey, CaseView['deadlines'][number]['name']>> = {
  complaint_received: 'review',
  new_complaint: 'review',
  case_assigned: 'sign',
  case_reopened: 'handling',
};

/** The unit each event belongs to: forwarding names it, a hand-back ends it. */
function unitAtEachEvent(timeline: TimelineEvent[]): Map<number, string | null> {
  const at = new Map<number, string | null>();
  let unit: string | null = null;
  for (const e of timeline) {
    if (e.type === 'forwarded' && typeof e.data.unitId === 'string') unit = e.data.unitId;
    at.set(e.seq, unit);
    if (e.type === 'returned_by_unit') unit = null;
  }
  return at;
}

function latestDeadline(view: CaseView, name: CaseView['deadlines'][number]['name'] | undefined): string | null {
  if (!name) return null;
  return view.deadlines.filter((d) => d.name === name).at(-1)?.dueAt ?? null;
}

/**
 * The outbox half of the projection: called inside projectCase's transaction with the events it is
 * appending, so an event and the notices it causes are written together or not at all.
 */
export async function enqueueEventNotifications(
  tx: Prisma.TransactionClient,
  { view, complaint, fresh, sms = false }: { view: CaseView; complaint: Complaint; fresh: TimelineEvent[]; sms?: boolean },
): Promise<string[]> {
  if (fresh.length === 0) return [];
  const unitAt = unitAtEachEvent(view.timeline);
  // An event that names a unit (forwarded, returned, escalated) speaks for itself.
  const unitOf = (event: TimelineEvent): string | null => {
    if (typeof event.data.unitId === 'string') return event.data.unitId;
    const unit = unitAt.get(event.seq);
    return unit === undefined ? view.unitId : unit;
  };
  const planned = fresh.map((event) => ({ event, unitId: unitOf(event), notices: notificationPlan(event, { unitId: unitOf(event) }) }));
  const unitIds = new Set<string>([OFFICE_UNIT_ID, ...planned.flatMap((p) => (p.unitId ? [p.unitId] : []))]);
  const units = new Map((await tx.unit.findMany({ where: { id: { in: [...unitIds] } } })).map((u) => [u.id, u]));
  const office = contactsOf(units.get(OFFICE_UNIT_ID)?.contacts);

  const notices: Notice[] = planned.flatMap(({ event, unitId: eventUnit, notices: plan }) =>
    plan.map((n): Notice => {
      const unit = eventUnit ? units.get(eventUnit) : undefined;
      const contacts =
        n.recipient === 'complainant'
          ? { email: complaint.complainant.email ?? undefined, webhookUrl: complaint.complainant.webhookUrl ?? undefined, phone: complaint.complainant.phone }
          : n.recipient === 'office' || n.recipient === 'office_head'
            ? office
            : contactsOf(unit?.contacts);
      return {
        caseId: view.caseId,
        caseNumber: view.caseNumber,
        step: `event:${event.seq}`,
        eventSeq: event.seq,
        eventType: event.type,
        at: event.at,
        recipient: n.recipient,
        recipientId: n.recipient === 'complainant' ? null : n.recipient === 'office' || n.recipient === 'office_head' ? OFFICE_UNIT_ID : (n.unitId ?? null),
        contacts,
        sms,
        template: n.template,
        context: {
          caseNumber: view.caseNumber,
          complainantName: complaint.complainant.name,
          respondentName: complaint.respondent.name,
          unitName: unit?.name ?? eventUnit,
          recipient: n.recipient,
          eventType: event.type,
          data: event.data,
          dueAt: latestDeadline(view, DEADLINE_OPENED[n.template]),
        },
      };
    }),
  );
  return insertDeliveries(tx, notices);
}

export interface DispatchResult {
  /** Delivered by this call. */
  sent: number;
  /** Still to be delivered (waiting for a retry, or being sent by another worker). */
  pending: number;
  /** Given up for good, for this case (no contact, or too many failed attempts). */
  failed: number;
  /** When the earliest pending delivery may be tried again (ISO); null when nothing is pending. */
  nextAttemptAt: string | null;
}

interface ClaimedRow {
  id: string;
  channel: Channel;
  address: string | null;
  subject: string;
  body: string;
  payload: unknown;
  attempts: number;
}

/**
 * The outbox's sender. Every delivery is claimed before it is sent (FOR UPDATE SKIP LOCKED, then a
 * lease in claimed_until), so two workers never send the same delivery at once, and one whose worker
 * died mid-send is sent again after the lease: the receiver may then see its id twice, which is what the
 * id is for.
 */
export function createNotifications(deps: ActivityDeps) {
  const { prisma } = deps;
  const policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, ...deps.delivery };
  const channels = createChannels({ smtpUrl: deps.smtpUrl, smsGatewayUrl: deps.smsGatewayUrl, webhookSecret: deps.webhookSecret, mailFrom: deps.mailFrom, timeoutMs: policy.timeoutMs });

  async function claim(caseId: string, only: string[] | undefined): Promise<ClaimedRow[]> {
    const onlyThese = only ? Prisma.sql`and id in (${Prisma.join(only)})` : Prisma.empty;
    return prisma.$queryRaw<ClaimedRow[]>`
      update deliveries
         set status = 'sending',
             claimed_until = now() + (${policy.claimTtlMs})::int * interval '1 millisecond',
             attempts = attempts + 1,
             updated_at = now()
       where id in (
         select id from deliveries
          where case_id = ${caseId} ${onlyThese}
            and ((status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now()))
          order by created_at, id
          limit ${policy.batchSize}
          for update skip locked)
      returning id, channel, address, subject, body, payload, attempts`;
  }

  async function settle(row: ClaimedRow, result: Awaited<ReturnType<typeof channels.send>>): Promise<boolean> {
    if (result.ok) {
      await prisma.$executeRaw`
        update deliveries set status = 'sent', sent_at = now(), receipt = ${result.receipt}, last_error = null, claimed_until = null, updated_at = now()
         where id = ${row.id} and status = 'sending'`;
      return true;
    }
    const giveUp = row.attempts >= policy.maxAttempts;
    const delay = retryDelayMs(row.attempts, policy);
    // Only the current claimant reschedules: a sender whose lease ran out must not undo a newer attempt.
    await prisma.$executeRaw`
      update deliveries
         set status = ${giveUp ? 'failed' : 'pending'},
             last_error = ${result.error},
             next_attempt_at = now() + (${delay})::int * interval '1 millisecond',
             claimed_until = null,
             updated_at = now()
       where id = ${row.id} and status = 'sending' and attempts = ${row.attempts}`;
    return false;
  }

  async function summary(caseId: string, only: string[] | undefined, sent: number): Promise<DispatchResult> {
    const onlyThese = only ? Prisma.sql`and id in (${Prisma.join(only)})` : Prisma.empty;
    const rows = await prisma.$queryRaw<{ status: string; n: number; next_at: Date | null }[]>`
      select status, count(*)::int as n,
             min(case when status = 'pending' then next_attempt_at when status = 'sending' then claimed_until end) as next_at
        from deliveries where case_id = ${caseId} ${onlyThese} group by status`;
    const count = (s: DeliveryStatus) => rows.find((r) => r.status === s)?.n ?? 0;
    const next = rows.map((r) => r.next_at).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
    return { sent, pending: count('pending') + count('sending'), failed: count('failed'), nextAttemptAt: next?.toISOString() ?? null };
  }

  return {
    /**
     * Sends the case's deliveries that are due, each at most once per call. Never throws for a failed
     * delivery: it is scheduled again with backoff, or given up after maxAttempts. Call again at
     * `nextAttemptAt` while `pending` > 0. With `deliveryIds`, only those are sent and counted (e.g. one
     * sanction order, to issue the next only once it has arrived).
     */
    async dispatchDeliveries({ caseId, deliveryIds }: { caseId: string; deliveryIds?: string[] }): Promise<DispatchResult> {
      if (deliveryIds?.length === 0) return { sent: 0, pending: 0, failed: 0, nextAttemptAt: null };
      const queue = await claim(caseId, deliveryIds);
      let sent = 0;
      const sender = async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          const result = await channels.send({ deliveryId: row.id, channel: row.channel, address: row.address, subject: row.subject, body: row.body, payload: row.payload });
          if (await settle(row, result)) sent += 1;
          stillAlive();
        }
      };
      await Promise.all(Array.from({ length: Math.min(policy.concurrency, queue.length) }, sender));
      return summary(caseId, deliveryIds, sent);
    },
  };
}

/**
 * Tells Temporal the dispatch is alive, so a dispatch whose worker died is retried within seconds rather
 * than after its whole time limit. Outside an activity (a direct call) there is no one to tell.
 */
function stillAlive(): void {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return;
  }
  context.heartbeat();
}

/** An address as the case detail shows it: enough to recognise, not enough to harvest. */
export function maskAddress(channel: string, address: string | null): string | null {
  if (!address) return null;
  if (channel === 'email') {
    const [local = '', domain = ''] = address.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  try {
    const url = new URL(address);
    return `${url.protocol}//${url.host}/***`;
  } catch {
    return '***';
  }
}

/** A case's notifications for the API's case detail, in the order they were caused. */
export async function listCaseNotifications(prisma: PrismaClient, caseId: string) {
  const rows = await prisma.delivery.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { eventSeq: 'asc' }, { id: 'asc' }] });
  return rows.map((d) => ({
    id: d.id,
    event: d.eventType,
    eventSeq: d.eventSeq,
    step: d.step,
    recipient: d.recipientKind,
    recipientId: d.recipientId,
    channel: d.channel,
    address: maskAddress(d.channel, d.address),
    subject: d.subject,
    status: d.status as DeliveryStatus,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: d.sentAt?.toISOString() ?? null,
  }));
}

export type CaseNotification = Awaited<ReturnType<typeof listCaseNotifications>>[number];

/** For a Prometheus gauge: deliveries by status across all cases ('failed' = given up). */
export async function deliveryCountsByStatus(prisma: PrismaClient): Promise<Record<DeliveryStatus, number>> {
  const groups = await prisma.delivery.groupBy({ by: ['status'], _count: { _all: true } });
  const counts: Record<DeliveryStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const g of groups) if ((DELIVERY_STATUSES as readonly string[]).includes(g.status)) counts[g.status as DeliveryStatus] = g._count._all;
  return counts;
}
