import http from 'node:http';
import express from 'express';
import { createActivities } from '../../../activities';
import { listSanctionOrders } from '../../../activities/sanctions';
import { CITY_AGENCIES, agencyRoutes, dishonestPayersRoute, seedAgencies } from '../../../api/agencies';
import { authenticate } from '../../../api/auth';
import { errorMiddleware } from '../../../api/errors';
import { RESPONDENT_TYPES } from '../../../domain/case-status';
import { liftOrderSequence, measuresFor, type Measure } from '../../../domain/sanctions';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { applyMigrations } from '../../../prisma/migrate';
import { seedDemoKeys, seedReferenceData } from '../../../scripts/runtime/seed';
import { createTestDatabase } from '../../support/db';
import { KEYS } from '../../support/fixtures';
import { apiClient } from '../../support/service';
import { dispatchUntilSettled, insertCase, startSmtpReceiver, startWebhookReceiver } from './support';

const SECRET = 'test-webhook-secret-0123456789';
const FAST_RETRIES = { baseDelayMs: 40, maxDelayMs: 200, maxAttempts: 20, claimTtlMs: 1_500, timeoutMs: 1_000 };
/** Which agency handles each measure, as seeded from DOMAIN.md. */
const AGENCY_OF = Object.fromEntries(CITY_AGENCIES.flatMap((a) => a.measures.map((m) => [m, a.id]))) as Record<Measure, string>;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let activities: ReturnType<typeof createActivities>;
let server: http.Server;
let call: ReturnType<typeof apiClient>;
let caseCounter = 100;

beforeAll(async () => {
  db = await createTestDatabase('notifications_sanctions');
  await applyMigrations(db.url);
  prisma = createPrisma(db.url);
  await seedReferenceData(prisma);
  await seedDemoKeys(prisma);
  await seedAgencies(prisma);
  smtp = await startSmtpReceiver();
  hooks = await startWebhookReceiver(SECRET);
  await prisma.unit.update({ where: { id: 'fcg-office' }, data: { contacts: { email: 'office@fcg.example' } } });
  activities = createActivities({ prisma, smtpUrl: smtp.url, webhookSecret: SECRET, delivery: FAST_RETRIES });

  // The routers as the app mounts them, over real HTTP.
  const app = express();
  const api = express.Router();
  api.use(express.json());
  api.use(dishonestPayersRoute(prisma));
  api.use(authenticate(prisma));
  api.use(agencyRoutes(prisma));
  app.use('/api/v1', api);
  app.use(errorMiddleware({ error: () => undefined }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  call = apiClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);

  // The office gives every agency a webhook, through the API.
  for (const a of CITY_AGENCIES) {
    const res = await call('PATCH', `/api/v1/agencies/${a.id}`, { key: KEYS.office, body: { contacts: { webhookUrl: `${hooks.url}/agency/${a.id}` } } });
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await smtp?.close();
  await hooks?.close();
  await prisma?.$disconnect();
  await db?.drop();
});

const ordersAt = (caseNumber: string) => hooks.accepted().filter((h) => h.body.caseNumber === caseNumber && String(h.body.template).startsWith('sanction_order'));

describe('the agencies are reference data the office keeps', () => {
  test('the five agencies of the work plan are seeded with their measures; office and admin may list, create and change them', async () => {
    const list = await call('GET', '/api/v1/agencies', { key: KEYS.admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string; measures: string[] }) => [a.id, a.measures])).toEqual(
      [...CITY_AGENCIES].sort((a, b) => a.id.localeCompare(b.id)).map((a) => [a.id, [...a.measures]]),
    );

    const created = await call('POST', '/api/v1/agencies', { key: KEYS.office, body: { id: 'gx-credit-center', name: '广西信用中心', measures: ['credit_publicity'], contacts: { email: 'credit@gx.example' } } });
    expect(created).toMatchObject({ status: 201, body: { id: 'gx-credit-center', measures: ['credit_publicity'], contacts: { email: 'credit@gx.example' } } });
    expect((await call('POST', '/api/v1/agencies', { key: KEYS.office, body: { id: 'gx-credit-center', name: 'again' } })).status).toBe(409);
    const badMeasure = await call('POST', '/api/v1/agencies', { key: KEYS.office, body: { id: 'bad-one', name: 'x', measures: ['public_shaming'] } });
    expect(badMeasure.status).toBe(400);
    expect(badMeasure.body.error.issues[0].path).toBe('measures.0');
    expect((await call('PATCH', '/api/v1/agencies/gx-credit-center', { key: KEYS.office, body: { measures: [] } })).body.measures).toEqual([]);
    expect((await call('PATCH', '/api/v1/agencies/nobody', { key: KEYS.office, body: { name: 'x' } })).status).toBe(404);
    expect((await call('GET', '/api/v1/agencies', { key: KEYS.complainant })).status).toBe(403);
    expect((await call('POST', '/api/v1/agencies', { key: KEYS.unit450621, body: { id: 'unit-made', name: 'x' } })).status).toBe(403);
  });
});

describe.each(RESPONDENT_TYPES)('a serious case against a %s', (respondentType) => {
  test('gets exactly its measures, each as one order to the agency that handles it', async () => {
    const c = await insertCase(prisma, ++caseCounter, { respondentType, respondentName: `被投诉人 ${respondentType}`, respondentCreditCode: '91450600500000170P' });
    const measures = measuresFor(respondentType);
    for (const measure of measures) {
      const issued = await activities.issueSanctionOrder({ caseId: c.caseId, caseNumber: c.caseNumber, respondent: c.complaint.respondent, measure, kind: 'impose' });
      expect(issued).toMatchObject({ orderId: `${c.caseNumber}.impose.${measure}`, agencyId: AGENCY_OF[measure] });
    }
    expect(await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId })).toMatchObject({ sent: measures.length, pending: 0, failed: 0 });

    const received = ordersAt(c.caseNumber);
    expect(received.map((h) => [h.path, (h.body.data as { measure: string }).measure]).sort()).toEqual(measures.map((m) => [`/agency/${AGENCY_OF[m]}`, m]).sort());
    for (const h of received) {
      expect(h.signatureValid).toBe(true);
      expect(h.body).toMatchObject({ recipient: 'agency', template: 'sanction_order_impose', language: 'zh-CN' });
      expect(String(h.body.subject)).toBe(`失信惩戒通知：${c.caseNumber}`);
      expect(String(h.body.body)).toContain(`被投诉人 ${respondentType}`);
    }
    const orders = await listSanctionOrders(prisma, c.caseId);
    expect(orders.map((o) => [o.measure, o.kind, o.agencyId, o.status])).toEqual(measures.map((m) => [m, 'impose', AGENCY_OF[m], 'sent']));
    expect(orders.every((o) => o.receipt?.answer === 'http 200')).toBe(true);
  });
});

test('issuing the same order again records and sends nothing new', async () => {
  const c = await insertCase(prisma, ++caseCounter, { respondentType: 'large_enterprise' });
  const req = { caseId: c.caseId, caseNumber: c.caseNumber, respondent: c.complaint.respondent, measure: 'market_regulation' as const, kind: 'impose' as const };
  const first = await activities.issueSanctionOrder(req);
  await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId });
  const again = await activities.issueSanctionOrder(req);
  expect(again).toEqual(first);
  expect(await activities.dispatchDeliveries({ caseId: c.caseId })).toMatchObject({ sent: 0, pending: 0 });
  expect(await prisma.sanctionOrder.count({ where: { caseId: c.caseId } })).toBe(1);
  expect(ordersAt(c.caseNumber)).toHaveLength(1);
});

test('an agency endpoint that is down for a while gets its order once it is back, once, under the same delivery id', async () => {
  const c = await insertCase(prisma, ++caseCounter, { respondentType: 'large_enterprise' });
  let down = true;
  hooks.answer((path) => (path === '/agency/pbc-fcg' && down ? 503 : 200));
  try {
    const issued = await activities.issueSanctionOrder({ caseId: c.caseId, caseNumber: c.caseNumber, respondent: c.complaint.respondent, measure: 'financial_credit_database', kind: 'impose' });
    for (let i = 0; i < 3; i += 1) {
      const r = await activities.dispatchDeliveries({ caseId: c.caseId, deliveryIds: issued.deliveryIds });
      expect(r).toMatchObject({ sent: 0, pending: 1 });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(r.nextAttemptAt ?? '') - Date.now()) + 10));
    }
    expect((await listSanctionOrders(prisma, c.caseId))[0]).toMatchObject({ status: 'pending', receipt: null });
    down = false;
    expect(await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId, deliveryIds: issued.deliveryIds })).toMatchObject({ sent: 1, pending: 0 });

    const calls = hooks.hooks.filter((h) => h.body.caseNumber === c.caseNumber);
    expect(calls.map((h) => h.answered)).toEqual([503, 503, 503, 200]);
    expect(new Set(calls.map((h) => h.deliveryId))).toEqual(new Set(issued.deliveryIds));
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: issued.deliveryIds[0] } })).toMatchObject({ status: 'sent', attempts: 4 });
    expect((await listSanctionOrders(prisma, c.caseId))[0]).toMatchObject({ status: 'sent', receipt: { answer: 'http 200' } });
  } finally {
    hooks.answer(() => 200);
  }
});

test('credit repair lifts every measure in reverse order, each at the agency that received it, and the public list follows', async () => {
  const c = await insertCase(prisma, ++caseCounter, { respondentType: 'large_enterprise', respondentName: '防城港某建设集团有限公司', respondentCreditCode: '91450600500000170P' });
  const imposed = measuresFor('large_enterprise');
  for (const measure of imposed) await activities.issueSanctionOrder({ caseId: c.caseId, caseNumber: c.caseNumber, respondent: c.complaint.respondent, measure, kind: 'impose' });
  const since = '2026-12-04T08:00:00.000Z';
  expect(await activities.listDishonestPayer({ caseId: c.caseId, respondent: c.complaint.respondent, publicitySince: since })).toEqual({ listedSince: since });
  await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId });

  const listed = await call('GET', '/api/v1/public/dishonest-payers');
  expect(listed.status).toBe(200);
  expect(listed.body.items).toContainEqual({ respondentName: '防城港某建设集团有限公司', creditCode: '91450600500000170P', respondentType: 'large_enterprise', listedSince: since, caseNumber: c.caseNumber });
  // Listing again keeps the first publicity date.
  expect(await activities.listDishonestPayer({ caseId: c.caseId, respondent: c.complaint.respondent, publicitySince: '2027-01-01T00:00:00.000Z' })).toEqual({ listedSince: since });

  // Meanwhile another agency takes over the credit record: lifting still goes where the order went.
  await call('POST', '/api/v1/agencies', { key: KEYS.office, body: { id: 'aa-new-credit-office', name: '新信用办', measures: ['credit_record'], contacts: { webhookUrl: `${hooks.url}/agency/aa-new-credit-office` } } });

  const lifting = liftOrderSequence(imposed);
  for (const measure of lifting) {
    const issued = await activities.issueSanctionOrder({ caseId: c.caseId, caseNumber: c.caseNumber, respondent: c.complaint.respondent, measure, kind: 'lift' });
    expect(issued.agencyId).toBe(AGENCY_OF[measure]);
    // The next lifting order goes out only once this one has arrived.
    expect(await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId, deliveryIds: issued.deliveryIds })).toMatchObject({ sent: 1, pending: 0 });
  }
  const lifts = ordersAt(c.caseNumber).filter((h) => h.body.template === 'sanction_order_lift');
  expect(lifts.map((h) => (h.body.data as { measure: string }).measure)).toEqual([...imposed].reverse());
  expect(lifts.map((h) => h.path)).toEqual(lifting.map((m) => `/agency/${AGENCY_OF[m]}`));
  expect(String(lifts[0]?.body.subject)).toBe(`信用修复通知：${c.caseNumber}`);

  expect(await activities.delistDishonestPayer({ caseId: c.caseId, delistedAt: '2027-06-04T08:00:00.000Z' })).toEqual({ delisted: true });
  expect(await activities.delistDishonestPayer({ caseId: c.caseId, delistedAt: '2027-07-01T00:00:00.000Z' })).toEqual({ delisted: true });
  await dispatchUntilSettled(activities.dispatchDeliveries, { caseId: c.caseId });
  const after = await call('GET', '/api/v1/public/dishonest-payers');
  expect(after.body.items.map((i: { caseNumber: string }) => i.caseNumber)).not.toContain(c.caseNumber);
  expect((await prisma.dishonestPayer.findUniqueOrThrow({ where: { caseId: c.caseId } })).delistedAt?.toISOString()).toBe('2027-06-04T08:00:00.000Z');

  // The complainant and the office were told of the listing and of its lifting, once each.
  const told = smtp.mails.filter((m) => m.subject.endsWith(c.caseNumber));
  expect(told.map((m) => `${m.to.join()} ${m.subject}`).sort()).toEqual(
    [
      `ops@example.com 被投诉人列入失信名单：${c.caseNumber}`,
      `office@fcg.example 被投诉人列入失信名单：${c.caseNumber}`,
      `ops@example.com 被投诉人移出失信名单：${c.caseNumber}`,
      `office@fcg.example 被投诉人移出失信名单：${c.caseNumber}`,
    ].sort(),
  );
});
