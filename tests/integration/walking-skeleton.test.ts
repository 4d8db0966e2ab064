import { apiClient, startTestService, type TestService } from '../support/service';
import { KEYS, exampleComplaint } from '../support/fixtures';
import { caseViewQuery } from '../../workflows/messages';

let service: TestService;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  service = await startTestService('skeleton');
  call = apiClient(service.baseUrl);
});
afterAll(() => service.close());

test('a complaint crosses the real service: filed, accepted, handled, answered, closed', async () => {
  // The enterprise files its complaint.
  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'skeleton contract' }) });
  expect(filed.status).toBe(201);
  expect(filed.body.caseNumber).toMatch(/^FCG-\d{4}-\d{6}$/);
  expect(filed.body.status).toBe('submitted');
  const id = filed.body.id as string;

  // It is a real workflow on the real server, and the row in PostgreSQL says the same.
  const handle = service.temporal.workflow.getHandle(id);
  expect((await handle.describe()).status.name).toBe('RUNNING');
  expect((await service.prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe('submitted');

  // The office accepts it; routing sends it to the county where the respondent sits (上思县).
  const accepted = await call('POST', `/api/v1/complaints/${id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
  expect(accepted.status).toBe(200);
  expect(accepted.body.status).toBe('forwarded');
  expect(accepted.body.unitId).toBe('gov-450621');

  // The unit signs for it and reports the result.
  const signed = await call('POST', `/api/v1/complaints/${id}/sign`, { key: KEYS.unit450621 });
  expect(signed.body.status).toBe('handling');
  const result = await call('POST', `/api/v1/complaints/${id}/result`, {
    key: KEYS.unit450621,
    body: { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已全额支付' },
  });
  expect(result.status).toBe(200);
  expect(result.body.status).toBe('result_reported');

  // The enterprise is satisfied: the case closes.
  const feedback = await call('POST', `/api/v1/complaints/${id}/feedback`, { key: KEYS.complainant, body: { satisfied: true } });
  expect(feedback.status).toBe(200);
  expect(feedback.body.status).toBe('closed');

  // GET returns what everyone now sees, and it agrees with the workflow's own view and the stored row.
  const shown = await call('GET', `/api/v1/complaints/${id}`, { key: KEYS.complainant });
  expect(shown.status).toBe(200);
  expect(shown.body.status).toBe('closed');
  expect(shown.body.timeline.map((e: { what: string }) => e.what)).toEqual(
    expect.arrayContaining(['submitted', 'accepted', 'forwarded', 'signed', 'result_reported', 'feedback_given', 'closed']),
  );
  const view = await handle.query(caseViewQuery);
  expect(view.status).toBe('closed');
  expect(shown.body.timeline).toHaveLength(view.timeline.length);
  const row = await service.prisma.case.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe('closed');
  expect(row.closedAt).not.toBeNull();
  expect(await service.prisma.caseEvent.count({ where: { caseId: id } })).toBe(view.timeline.length);

  // A closed case refuses further decisions with the reason.
  const late = await call('POST', `/api/v1/complaints/${id}/escalate`, { key: KEYS.office, body: { reason: 'too late' } });
  expect(late.status).toBe(409);
  expect(late.body.error).toEqual({ code: 'conflict', message: expect.stringMatching(/closed/) });
});
