import { startTestService, type TestService } from '../../support/service';
import { KEYS } from '../../support/fixtures';
import { REJECTION_REASONS, REJECTION_REASON_TEXT } from '../../../domain/case-status';
import { caseSteps, deadline, eventsOf, whats } from './case-steps';

let service: TestService;
let steps: ReturnType<typeof caseSteps>;

beforeAll(async () => {
  service = await startTestService('lifecycle_review');
  steps = caseSteps(service);
});
afterAll(() => service.close());

test.concurrent('happy path: filed → accepted and routed to 上思县 → signed → paid in full → satisfied → closed, every deadline met', async () => {
  const { file, must, show } = steps;
  const id = await file();

  const accepted = await must(KEYS.office, id, 'review', { decision: 'accept' });
  expect(accepted).toMatchObject({ status: 'forwarded', unitId: 'gov-450621' });
  expect(eventsOf(accepted, 'forwarded')[0]?.data).toMatchObject({ unitId: 'gov-450621', how: 'routed' });
  expect(deadline(accepted, 'review:1')?.state).toBe('met');
  expect(deadline(accepted, 'sign:1')?.state).toBe('open');

  const signed = await must(KEYS.unit450621, id, 'sign');
  expect(signed.status).toBe('handling');
  expect(deadline(signed, 'sign:1')?.state).toBe('met');
  expect(deadline(signed, 'handling:1')?.state).toBe('open');

  const reported = await must(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已全额支付' });
  expect(reported).toMatchObject({ status: 'result_reported', outcome: 'paid_in_full' });
  expect(deadline(reported, 'handling:1')?.state).toBe('met');
  // The complainant is told in writing and the office receives the report (件件有着落、事事有回音).
  expect(whats(reported)).toEqual(expect.arrayContaining(['complainant_notified_of_result', 'reported_to_office']));

  const closed = await must(KEYS.complainant, id, 'feedback', { satisfied: true });
  expect(closed.status).toBe('closed');
  expect(whats(closed)).toEqual(['submitted', 'accepted', 'forwarded', 'signed', 'result_reported', 'complainant_notified_of_result', 'reported_to_office', 'feedback_given', 'closed']);
  expect(closed.deadlines.map((d) => [d.key, d.state])).toEqual([
    ['review:1', 'met'],
    ['sign:1', 'met'],
    ['handling:1', 'met'],
    ['feedback:1', 'met'],
  ]);

  // The read model agrees: one deadline row per deadline, one event row per timeline entry.
  const rows = await service.prisma.caseDeadline.findMany({ where: { caseId: id }, orderBy: { key: 'asc' } });
  expect(rows.map((r) => [r.key, r.state])).toEqual([
    ['feedback:1', 'met'],
    ['handling:1', 'met'],
    ['review:1', 'met'],
    ['sign:1', 'met'],
  ]);
  expect(await service.prisma.caseEvent.count({ where: { caseId: id } })).toBe(closed.timeline.length);
  expect((await show(id, KEYS.complainant)).status).toBe('closed');
});

test.concurrent.each(REJECTION_REASONS.map((reason) => [reason]))('the office rejects a complaint as %s: the case ends with that reason', async (reason) => {
  const { file, must, act } = steps;
  const id = await file();
  const rejected = await must(KEYS.office, id, 'review', { decision: 'reject', reason, note: REJECTION_REASON_TEXT[reason] });
  expect(rejected.status).toBe('rejected');
  expect(eventsOf(rejected, 'rejected')[0]?.data).toMatchObject({ reason });
  expect(rejected.deadlines.every((d) => d.state !== 'open')).toBe(true);
  const row = await service.prisma.case.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe('rejected');
  expect(row.closedAt).not.toBeNull();

  // Nothing more can happen to a rejected case.
  const late = await act(KEYS.office, id, 'review', { decision: 'accept' });
  expect(late.status).toBe(409);
  expect(late.body.error.message).toMatch(/rejected/);
});

test.concurrent('a rejection without a reason from the statutory list is refused', async () => {
  const { file, act, historyLength } = steps;
  const id = await file();
  const before = await historyLength(id);
  const noReason = await act(KEYS.office, id, 'review', { decision: 'reject' });
  expect(noReason.status).toBe(409);
  expect(noReason.body.error.message).toMatch(/statutory list/);
  const badReason = await act(KEYS.office, id, 'review', { decision: 'reject', reason: 'we are busy' });
  expect(badReason.status).toBe(400);
  expect(await historyLength(id)).toBe(before);
});

test.concurrent('information requested → supplied → accepted: the review clock restarts from the supplement', async () => {
  const { file, must, act } = steps;
  const id = await file();
  const asked = await must(KEYS.office, id, 'review', { decision: 'request_information', note: '请补充验收单' });
  expect(asked.status).toBe('needs_information');
  expect(asked.deadlines.filter((d) => d.state === 'open')).toEqual([]);

  // While the office waits for the material, it cannot accept.
  const early = await act(KEYS.office, id, 'review', { decision: 'accept' });
  expect(early.status).toBe(409);
  expect(early.body.error.message).toMatch(/waiting for the complainant to supply more information/);

  const supplied = await must(KEYS.complainant, id, 'supplements', { text: '验收单已上传' });
  expect(supplied.status).toBe('submitted');
  const restarted = deadline(supplied, 'review:2');
  expect(restarted?.state).toBe('open');
  const suppliedAt = eventsOf(supplied, 'information_supplied')[0]!.when;
  expect(new Date(restarted!.dueAt).getTime() - new Date(suppliedAt).getTime()).toBe(20_000);
  expect(new Date(restarted!.dueAt).getTime()).toBeGreaterThan(new Date(deadline(supplied, 'review:1')!.dueAt).getTime());

  const accepted = await must(KEYS.office, id, 'review', { decision: 'accept' });
  expect(accepted.status).toBe('forwarded');
  expect(deadline(accepted, 'review:2')?.state).toBe('met');
});

test.concurrent('a respondent under a city department (防城港市住房和城乡建设局) is routed to that department, not to its county', async () => {
  const { file, must } = steps;
  const id = await file({ supervisingDepartment: '防城港市住房和城乡建设局' });
  const accepted = await must(KEYS.office, id, 'review', { decision: 'accept' });
  expect(accepted.unitId).toBe('dept-housing');
  const row = await service.prisma.case.findUniqueOrThrow({ where: { id } });
  expect(row.unitId).toBe('dept-housing');
});

test.concurrent('misroute: the unit hands the case back with a reason, the office reassigns it, the new unit signs', async () => {
  const { file, must, act, show, unitKey } = steps;
  const housingKey = await unitKey('dept-housing');
  const id = await file();
  await must(KEYS.office, id, 'review', { decision: 'accept' });

  const returned = await must(KEYS.unit450621, id, 'return', { reason: '被投诉人属市住建局主管' });
  expect(returned).toMatchObject({ status: 'forwarded', unitId: null });
  expect(eventsOf(returned, 'returned_by_unit')[0]?.data).toEqual({ unitId: 'gov-450621', reason: '被投诉人属市住建局主管' });
  expect(deadline(returned, 'sign:1')?.state).toBe('cancelled');

  // Without a unit nobody can sign; the former unit may no longer act on it.
  const formerUnit = await act(KEYS.unit450621, id, 'sign');
  expect(formerUnit.status).toBe(403);
  expect(formerUnit.body.error.message).toMatch(/not assigned to this unit/);

  const reassigned = await must(KEYS.office, id, 'reassign', { unitId: 'dept-housing', note: '改派市住建局' });
  expect(reassigned).toMatchObject({ status: 'forwarded', unitId: 'dept-housing' });
  expect(eventsOf(reassigned, 'forwarded').map((e) => e.data)).toEqual([
    { unitId: 'gov-450621', how: 'routed' },
    { unitId: 'dept-housing', how: 'reassigned' },
  ]);
  expect(deadline(reassigned, 'sign:2')?.state).toBe('open');

  const signed = await must(housingKey, id, 'sign');
  expect(signed).toMatchObject({ status: 'handling', unitId: 'dept-housing' });
  // The county that had it before still reads the case but cannot act on it.
  expect((await show(id, KEYS.unit450621)).unitId).toBe('dept-housing');
  const meddling = await act(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', summary: 'x' });
  expect(meddling.status).toBe(403);
});

test.concurrent('the office accepts and names the unit itself: no routing, the named unit is asked to sign', async () => {
  const { file, must } = steps;
  const id = await file();
  const accepted = await must(KEYS.office, id, 'review', { decision: 'accept', unitId: 'gov-450681' });
  expect(accepted).toMatchObject({ status: 'forwarded', unitId: 'gov-450681' });
  expect(eventsOf(accepted, 'forwarded')[0]).toMatchObject({ who: { role: 'office' }, data: { unitId: 'gov-450681', how: 'chosen' } });
});

test.concurrent('a unit cannot see or act on a case that was never assigned to it', async () => {
  const { file, must, act, unitKey } = steps;
  const dongxingKey = await unitKey('gov-450681');
  const id = await file();
  await must(KEYS.office, id, 'review', { decision: 'accept' });
  const signing = await act(dongxingKey, id, 'sign');
  expect(signing.status).toBe(404);
  expect((await service.prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe('forwarded');
});
