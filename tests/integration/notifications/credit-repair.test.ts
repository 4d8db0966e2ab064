import { CITY_AGENCIES } from '../../../api/agencies';
import { liftOrderSequence, measuresFor, type Measure } from '../../../domain/sanctions';
import { sanctionsStateQuery } from '../../../workflows/sanctions';
import { KEYS, exampleComplaint } from '../../support/fixtures';
import { FAST_POLICY, apiClient, eventually, startTestService, type TestService } from '../../support/service';

const AGENCY_OF = Object.fromEntries(CITY_AGENCIES.flatMap((a) => a.measures.map((m) => [m, a.id]))) as Record<Measure, string>;

let service: TestService;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  // Minutes for every deadline (nothing else happens meanwhile), seconds for the publicity period.
  service = await startTestService('credit_repair', { ...FAST_POLICY, handling: 'PT10M', handlingMax: 'PT30M', feedback: 'PT10M', publicityMin: 'PT3S' });
  call = apiClient(service.baseUrl);
  for (const a of CITY_AGENCIES) {
    await call('PATCH', `/api/v1/agencies/${a.id}`, { key: KEYS.office, body: { contacts: { webhookUrl: `${service.hooks.url}/agency/${a.id}` } } });
  }
});
afterAll(() => service?.close());

const ordersFor = (caseNumber: string, kind: 'impose' | 'lift') =>
  service.hooks
    .accepted()
    .filter((h) => h.body.caseNumber === caseNumber && h.body.template === `sanction_order_${kind}`)
    .map((h) => ({ path: h.path, measure: (h.body.data as { measure: Measure }).measure, deliveryId: h.deliveryId }));

test('a respondent that refuses is sanctioned through every agency and listed; once it pays in full and the publicity period has passed, the orders are lifted in reverse and the list follows', async () => {
  const complaint = exampleComplaint({ contractTitle: 'credit repair' });
  complaint.respondent = { ...complaint.respondent, name: '某大型国有企业', type: 'large_enterprise', creditCode: null };
  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: complaint });
  const id = filed.body.id as string;
  const caseNumber = filed.body.caseNumber as string;
  await call('POST', `/api/v1/complaints/${id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
  await call('POST', `/api/v1/complaints/${id}/sign`, { key: KEYS.unit450621 });
  await call('POST', `/api/v1/complaints/${id}/result`, { key: KEYS.unit450621, body: { outcome: 'respondent_refuses', summary: '被投诉人拒不支付' } });

  // The office finds the case serious: every measure for a large enterprise goes to its agency, once each.
  expect((await call('POST', `/api/v1/complaints/${id}/serious`, { key: KEYS.office, body: { reason: '拒不履行，情节严重' } })).status).toBe(200);
  const measures = measuresFor('large_enterprise');
  const imposed = await eventually(async () => ordersFor(caseNumber, 'impose'), (o) => o.length === measures.length);
  expect(imposed.map((o) => o.measure).sort()).toEqual([...measures].sort());
  expect(imposed.every((o) => o.path === `/agency/${AGENCY_OF[o.measure]}`)).toBe(true);
  expect(new Set(imposed.map((o) => o.deliveryId)).size).toBe(measures.length);
  const listed = await eventually(async () => (await call('GET', '/api/v1/public/dishonest-payers')).body.items, (items: { caseNumber: string }[]) => items.some((i) => i.caseNumber === caseNumber));
  expect(listed.find((i: { caseNumber: string }) => i.caseNumber === caseNumber)).toMatchObject({ respondentName: '某大型国有企业', respondentType: 'large_enterprise' });
  const detail = await eventually(
    async () => (await call('GET', `/api/v1/complaints/${id}`, { key: KEYS.office })).body,
    (c) => c.sanctions.length === measures.length && c.sanctions.every((s: { status: string }) => s.status === 'sent'),
  );
  expect(detail.sanctions.every((s: { receipt: { deliveryId: string } | null }) => s.receipt?.deliveryId)).toBe(true);

  // The complainant is not satisfied; the case goes back to the unit, and this time the respondent pays.
  expect((await call('POST', `/api/v1/complaints/${id}/feedback`, { key: KEYS.complainant, body: { satisfied: false } })).body.status).toBe('handling');
  const paid = await call('POST', `/api/v1/complaints/${id}/result`, { key: KEYS.unit450621, body: { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已全额支付' } });
  expect(paid.body.timeline.map((e: { what: string }) => e.what)).toContain('credit_repair_requested');

  // After the minimum publicity period the lifting orders reach the same agencies, in reverse order.
  // (Orders went out together when imposed; lifting sends each only after the one before it has arrived.)
  const lifted = await eventually(async () => ordersFor(caseNumber, 'lift'), (o) => o.length === measures.length, 30_000);
  const state = await eventually(() => service.temporal.workflow.getHandle(`${id}-sanctions`).query(sanctionsStateQuery), (s) => s.stage === 'lifted');
  expect(state.imposed).toEqual(measures);
  expect(lifted.map((o) => o.measure)).toEqual(liftOrderSequence(state.imposed));
  expect(lifted.map((o) => o.measure)).toEqual([...measures].reverse());
  expect(lifted.every((o) => o.path === `/agency/${AGENCY_OF[o.measure]}`)).toBe(true);
  expect(state.lifted).toEqual(liftOrderSequence(state.imposed));
  const after = await call('GET', '/api/v1/public/dishonest-payers');
  expect(after.body.items.map((i: { caseNumber: string }) => i.caseNumber)).not.toContain(caseNumber);
});
