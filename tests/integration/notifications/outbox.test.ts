import { createActivities } from '../../../activities';
import { messageIdOf } from '../../../activities/channels';
import { deliveryCountsByStatus, listCaseNotifications } from '../../../activities/notifications';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { applyMigrations } from '../../../prisma/migrate';
import { seedReferenceData } from '../../../scripts/runtime/seed';
import { createTestDatabase } from '../../support/db';
import { dispatchUntilSettled, insertCase, startSmtpReceiver, startWebhookReceiver, viewWith } from './support';

const SECRET = 'test-webhook-secret-0123456789';
/** Retries in milliseconds, so a failing receiver is given up within a test. */
const FAST_RETRIES = { baseDelayMs: 40, maxDelayMs: 200, maxAttempts: 4, claimTtlMs: 1_500, timeoutMs: 1_000 };

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let activities: ReturnType<typeof createActivities>;
let caseCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase('notifications_outbox');
  await applyMigrations(db.url);
  prisma = createPrisma(db.url);
  await seedReferenceData(prisma);
  smtp = await startSmtpReceiver();
  hooks = await startWebhookReceiver(SECRET);
  await prisma.unit.update({ where: { id: 'fcg-office' }, data: { contacts: { email: 'office@fcg.example', webhookUrl: `${hooks.url}/office`, leadershipEmail: 'office-head@fcg.example' } } });
  await prisma.unit.update({ where: { id: 'gov-450621' }, data: { contacts: { email: 'shangsi@fcg.example', leadershipEmail: 'shangsi-leaders@fcg.example' } } });
  // dept-housing keeps no contacts: its notices must show as undeliverable.
  activities = createActivities({ prisma, smtpUrl: smtp.url, webhookSecret: SECRET, delivery: FAST_RETRIES });
});

afterAll(async () => {
  await smtp?.close();
  await hooks?.close();
  await prisma?.$disconnect();
  await db?.drop();
});

const newCase = (opts: Parameters<typeof insertCase>[2] = {}) => insertCase(prisma, ++caseCounter, { webhookUrl: `${hooks.url}/complainant/${caseCounter}`, ...opts });
const rowsOf = (caseId: string) => prisma.delivery.findMany({ where: { caseId }, orderBy: [{ eventSeq: 'asc' }, { recipientKind: 'asc' }, { channel: 'asc' }] });
const mailsFor = (ids: string[]) => smtp.mails.filter((m) => ids.includes(m.deliveryId));
const hooksFor = (ids: string[]) => hooks.hooks.filter((h) => ids.includes(h.deliveryId));

test('filing, acceptance and forwarding: each party is told once, over each of its channels, in Chinese, with the delivery id', async () => {
  const c = await newCase();
  const view = viewWith(c, [['submitted', { caseNumber: c.caseNumber, channel: 'online' }], ['accepted'], ['forwarded', { unitId: 'gov-450621', how: 'routed' }]], 'gov-450621');
  view.deadlines = [{ key: 'sign:1', name: 'sign', dueAt: '2026-12-04T09:00:00.000Z', state: 'open' }];
  await activities.projectCase({ view, complaint: c.complaint });

  const rows = await rowsOf(c.caseId);
  expect(rows.map((r) => [r.eventSeq, r.recipientKind, r.channel, r.address, r.status])).toEqual([
    [1, 'complainant', 'email', 'ops@example.com', 'pending'],
    [1, 'complainant', 'webhook', `${hooks.url}/complainant/${caseCounter}`, 'pending'],
    [1, 'office', 'email', 'office@fcg.example', 'pending'],
    [1, 'office', 'webhook', `${hooks.url}/office`, 'pending'],
    [2, 'complainant', 'email', 'ops@example.com', 'pending'],
    [2, 'complainant', 'webhook', `${hooks.url}/complainant/${caseCounter}`, 'pending'],
    [3, 'complainant', 'email', 'ops@example.com', 'pending'],
    [3, 'complainant', 'webhook', `${hooks.url}/complainant/${caseCounter}`, 'pending'],
    [3, 'unit', 'email', 'shangsi@fcg.example', 'pending'],
  ]);

  const result = await activities.dispatchDeliveries({ caseId: c.caseId });
  expect(result).toEqual({ sent: 9, pending: 0, failed: 0, nextAttemptAt: null });

  const ids = rows.map((r) => r.id);
  const mails = mailsFor(ids);
  expect(mails).toHaveLength(5);
  for (const m of mails) {
    expect(m.messageId).toBe(messageIdOf(m.deliveryId));
    expect(m.subject).toContain(c.caseNumber);
  }
  const receipt = mails.find((m) => m.to.includes('ops@example.com') && m.subject.startsWith('投诉已收到'));
  expect(receipt?.text).toContain('上思县某局');
  expect(mails.find((m) => m.to.includes('office@fcg.example'))?.subject).toBe(`新投诉待审查：${c.caseNumber}`);
  const assigned = mails.find((m) => m.to.includes('shangsi@fcg.example'));
  expect(assigned?.subject).toBe(`转办通知：${c.caseNumber}`);
  expect(assigned?.text).toContain('上思县人民政府');
  // The sign-for deadline, in Beijing time.
  expect(assigned?.text).toContain('请于 2026-12-04 17:00 前签收');

  const received = hooksFor(ids);
  expect(received).toHaveLength(4);
  for (const h of received) {
    expect(h.signatureValid).toBe(true);
    expect(h.body).toMatchObject({ deliveryId: h.deliveryId, caseId: c.caseId, caseNumber: c.caseNumber, language: 'zh-CN' });
  }
  expect(received.filter((h) => h.path === '/office').map((h) => h.body.template)).toEqual(['new_complaint']);

  const stored = await rowsOf(c.caseId);
  expect(stored.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt !== null && r.receipt !== null)).toBe(true);
});

test('projecting the same view again, or dispatching twice, sends nothing new', async () => {
  const c = await newCase();
  const view = viewWith(c, [['submitted'], ['rejected', { reason: 'no_contract' }]]);
  await activities.projectCase({ view, complaint: c.complaint });
  expect((await activities.dispatchDeliveries({ caseId: c.caseId })).sent).toBe(6);

  const before = (await rowsOf(c.caseId)).length;
  await activities.projectCase({ view, complaint: c.complaint });
  // A newer view that repeats the old events adds only what is new.
  await activities.projectCase({ view: viewWith(c, [['submitted'], ['rejected', { reason: 'no_contract' }], ['note', { note: 'filed' }]]), complaint: c.complaint });
  expect(await rowsOf(c.caseId)).toHaveLength(before);
  expect(await activities.dispatchDeliveries({ caseId: c.caseId })).toEqual({ sent: 0, pending: 0, failed: 0, nextAttemptAt: null });

  const ids = (await rowsOf(c.caseId)).map((r) => r.id);
  expect(mailsFor(ids)).toHaveLength(3);
  expect(hooksFor(ids)).toHaveLength(3);
  const rejection = mailsFor(ids).find((m) => m.subject.startsWith('投诉不予受理'));
  expect(rejection?.text).toContain('双方之间不存在合同关系');
});

test('the escalation ladder: 催办通知 to the unit and its leadership, 督办书 also to the office, 约谈/通报 also to the office head', async () => {
  const c = await newCase({ email: null });
  const events: [string, Record<string, unknown>][] = [
    ['forwarded', { unitId: 'gov-450621', how: 'routed' }],
    ['signed', { unitId: 'gov-450621' }],
    ['deadline_missed', { deadline: 'handling', dueAt: '2026-12-31T16:00:00Z', to: 'unit' }],
    ...[1, 2, 3].map((level): [string, Record<string, unknown>] => ['escalated', { level, unitId: 'gov-450621', reason: 'the handling deadline is still missed' }]),
  ];
  await activities.projectCase({ view: viewWith(c, events, 'gov-450621'), complaint: c.complaint });
  await activities.dispatchDeliveries({ caseId: c.caseId });

  const rows = (await rowsOf(c.caseId)).filter((r) => r.eventType === 'escalated');
  const byLevel = (seq: number) => rows.filter((r) => r.eventSeq === seq).map((r) => `${r.recipientKind}:${r.address}`).sort();
  expect(byLevel(4)).toEqual(['unit:shangsi@fcg.example', 'unit_leadership:shangsi-leaders@fcg.example']);
  expect(byLevel(5)).toEqual([`office:${hooks.url}/office`, 'office:office@fcg.example', 'unit:shangsi@fcg.example', 'unit_leadership:shangsi-leaders@fcg.example']);
  expect(byLevel(6)).toEqual(['office_head:office-head@fcg.example', 'unit:shangsi@fcg.example', 'unit_leadership:shangsi-leaders@fcg.example']);

  const leaders = mailsFor(rows.map((r) => r.id)).filter((m) => m.to.includes('shangsi-leaders@fcg.example'));
  expect(leaders.map((m) => m.subject).sort()).toEqual([`催办通知：${c.caseNumber}`, `督办书：${c.caseNumber}`, `约谈、通报：${c.caseNumber}`].sort());
  expect(mailsFor(rows.map((r) => r.id)).filter((m) => m.to.includes('office-head@fcg.example')).map((m) => m.subject)).toEqual([`约谈、通报：${c.caseNumber}`]);
  const missed = (await rowsOf(c.caseId)).filter((r) => r.eventType === 'deadline_missed');
  expect(missed.map((r) => r.recipientKind)).toEqual(['unit']);
});

test('a recipient without any contact gets a failed row that shows on the case and in the counts, and blocks nothing', async () => {
  const c = await newCase();
  await activities.projectCase({ view: viewWith(c, [['forwarded', { unitId: 'dept-housing', how: 'chosen' }]], 'dept-housing'), complaint: c.complaint });
  const result = await activities.dispatchDeliveries({ caseId: c.caseId });
  expect(result).toEqual({ sent: 2, pending: 0, failed: 1, nextAttemptAt: null });

  const shown = await listCaseNotifications(prisma, c.caseId);
  expect(shown).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ event: 'forwarded', recipient: 'unit', recipientId: 'dept-housing', channel: 'none', address: null, status: 'failed', attempts: 0, lastError: 'no contact', sentAt: null }),
      expect.objectContaining({ event: 'forwarded', recipient: 'complainant', channel: 'email', address: 'o***@example.com', status: 'sent', attempts: 1 }),
      expect.objectContaining({ event: 'forwarded', recipient: 'complainant', channel: 'webhook', address: `${hooks.url}/***`, status: 'sent' }),
    ]),
  );
  const counts = await deliveryCountsByStatus(prisma);
  expect(counts.failed).toBeGreaterThanOrEqual(1);
  expect(counts.pending).toBe(0);
});

test('a webhook receiver that answers 500 for a while gets the delivery once it recovers, under the same delivery id', async () => {
  const c = await newCase({ email: null });
  let failuresLeft = 2;
  hooks.answer((path) => (path === `/complainant/${caseCounter}` && failuresLeft-- > 0 ? 500 : 200));
  try {
    await activities.projectCase({ view: viewWith(c, [['accepted']]), complaint: c.complaint });
    const first = await activities.dispatchDeliveries({ caseId: c.caseId });
    expect(first).toMatchObject({ sent: 0, pending: 1, failed: 0 });
    expect(first.nextAttemptAt).not.toBeNull();
    const row = await prisma.delivery.findFirstOrThrow({ where: { caseId: c.caseId } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });

    const settled = await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId });
    expect(settled).toMatchObject({ sent: 1, pending: 0, failed: 0 });
    const tries = hooksFor([row.id]);
    expect(tries.map((h) => h.answered)).toEqual([500, 500, 200]);
    expect(new Set(tries.map((h) => h.body.deliveryId))).toEqual(new Set([row.id]));
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'sent', attempts: 3, lastError: null, receipt: 'http 200' });
  } finally {
    hooks.answer(() => 200);
  }
});

test('a recipient that keeps failing ends failed after the last attempt, and dispatching never throws', async () => {
  const c = await newCase({ email: null, webhookUrl: 'http://127.0.0.1:1/nobody-listens' });
  hooks.answer((path) => (path === '/office' ? 503 : 200));
  try {
    await activities.projectCase({ view: viewWith(c, [['submitted']]), complaint: c.complaint });
    const settled = await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId });
    expect(settled).toMatchObject({ pending: 0, nextAttemptAt: null });
    const rows = await rowsOf(c.caseId);
    const complainantHook = rows.find((r) => r.recipientKind === 'complainant');
    const officeHook = rows.find((r) => r.recipientKind === 'office' && r.channel === 'webhook');
    expect(complainantHook).toMatchObject({ status: 'failed', attempts: FAST_RETRIES.maxAttempts, sentAt: null });
    expect(complainantHook?.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    expect(officeHook).toMatchObject({ status: 'failed', attempts: FAST_RETRIES.maxAttempts, lastError: 'HTTP 503' });
    expect(rows.find((r) => r.recipientKind === 'office' && r.channel === 'email')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(hooksFor(rows.map((r) => r.id)).filter((h) => h.path === '/office')).toHaveLength(FAST_RETRIES.maxAttempts);
  } finally {
    hooks.answer(() => 200);
  }
});

test('two dispatchers racing on the same case send each delivery once', async () => {
  const c = await newCase();
  const reminders: [string, Record<string, unknown>][] = Array.from({ length: 8 }, (_, i) => ['reminder_sent', { deadline: 'feedback', dueAt: `2026-12-${String(10 + i)}T10:00:00Z`, to: 'complainant' }]);
  await activities.projectCase({ view: viewWith(c, [['submitted'], ...reminders]), complaint: c.complaint });
  const otherPrisma = createPrisma(db.url);
  try {
    const otherWorker = createActivities({ prisma: otherPrisma, smtpUrl: smtp.url, webhookSecret: SECRET, delivery: FAST_RETRIES });
    const [a, b] = await Promise.all([activities.dispatchDeliveries({ caseId: c.caseId }), otherWorker.dispatchDeliveries({ caseId: c.caseId })]);
    const ids = (await rowsOf(c.caseId)).map((r) => r.id);
    expect(ids).toHaveLength(20);
    expect(a.sent + b.sent).toBe(20);
    const seen = [...mailsFor(ids).map((m) => m.deliveryId), ...hooksFor(ids).map((h) => h.deliveryId)];
    expect(seen.sort()).toEqual([...ids].sort());
  } finally {
    await otherPrisma.$disconnect();
  }
});

test('a worker that died mid-send leaves its deliveries to be sent after the claim expires, each under its own id', async () => {
  const c = await newCase({ webhookUrl: null });
  await activities.projectCase({ view: viewWith(c, [['accepted'], ['information_requested', { note: '请补充验收单' }]]), complaint: c.complaint });
  // What a crashed dispatcher leaves behind: its claim, and no outcome.
  await prisma.$executeRaw`update deliveries set status = 'sending', attempts = attempts + 1, claimed_until = now() + interval '400 milliseconds' where case_id = ${c.caseId}`;

  const during = await activities.dispatchDeliveries({ caseId: c.caseId });
  expect(during).toMatchObject({ sent: 0, pending: 2 });
  expect(Date.parse(during.nextAttemptAt ?? '')).toBeGreaterThan(Date.now() - 1_000);

  const settled = await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId });
  expect(settled).toMatchObject({ sent: 2, pending: 0, failed: 0 });
  const rows = await rowsOf(c.caseId);
  expect(rows.map((r) => [r.status, r.attempts])).toEqual([
    ['sent', 2],
    ['sent', 2],
  ]);
  const mails = mailsFor(rows.map((r) => r.id));
  expect(mails.map((m) => m.deliveryId).sort()).toEqual(rows.map((r) => r.id).sort());
  expect(mails.find((m) => m.subject.startsWith('请补充投诉材料'))?.text).toContain('请补充验收单');
});

test('with an SMS gateway configured, a recipient with a phone also gets a short text, sent to the gateway as a signed webhook under its own delivery id', async () => {
  const withSms = createActivities({ prisma, smtpUrl: smtp.url, webhookSecret: SECRET, delivery: FAST_RETRIES, smsGatewayUrl: `${hooks.url}/sms-gateway` });
  const c = await newCase();
  await withSms.projectCase({ view: viewWith(c, [['accepted']]), complaint: c.complaint });
  const rows = await rowsOf(c.caseId);
  const sms = rows.filter((r) => r.channel === 'sms');
  expect(sms.map((r) => [r.recipientKind, r.address])).toEqual([['complainant', c.complaint.complainant.phone]]);
  expect(sms[0]!.body).toBe(`【防城港市中小企业款项支付投诉平台】投诉已受理：${c.caseNumber}`);

  await dispatchUntilSettled(withSms.dispatchDeliveries, { caseId: c.caseId });
  const texts = hooks.hooks.filter((h) => h.path === '/sms-gateway' && h.deliveryId === sms[0]!.id);
  expect(texts).toHaveLength(1);
  expect(texts[0]).toMatchObject({ signatureValid: true, body: { deliveryId: sms[0]!.id, to: c.complaint.complainant.phone, text: sms[0]!.body } });

  // Without a gateway no text is planned at all, rather than one that can only fail.
  const plain = await newCase();
  await activities.projectCase({ view: viewWith(plain, [['accepted']]), complaint: plain.complaint });
  expect((await rowsOf(plain.caseId)).some((r) => r.channel === 'sms')).toBe(false);
});
