import { startTestService, type TestService } from '../../support/service';
import { KEYS } from '../../support/fixtures';
import { caseSteps, deadline, eventsOf, whats } from './case-steps';

/**
 * Handling lasts 30 s with at most 90 s in total, so one day of extension is one second; the feedback
 * window is long enough to answer in; the respondent ladder climbs every two seconds.
 */
const RESULT_POLICY = {
  review: 'PT30S',
  sign: 'PT30S',
  handling: 'PT30S',
  handlingMax: 'PT90S',
  feedback: 'PT20S',
  reminderLead: 'PT5S',
  escalationStep: 'PT2S',
};

let service: TestService;
let steps: ReturnType<typeof caseSteps>;

beforeAll(async () => {
  service = await startTestService('lifecycle_results', RESULT_POLICY);
  steps = caseSteps(service);
});
afterAll(() => service.close());

const due = (at: string | undefined) => new Date(at ?? NaN).getTime();

describe('extensions', () => {
  test.concurrent('approved: the handling deadline moves by the days granted', async () => {
    const { handling, must, show } = steps;
    const id = await handling();
    const before = deadline(await show(id), 'handling:1')!;

    const requested = await must(KEYS.unit450621, id, 'extension-requests', { days: 15, reason: '需调取审计资料' });
    expect(requested.pendingExtension).toEqual({ days: 15, reason: '需调取审计资料' });
    expect(deadline(requested, 'handling:1')?.dueAt).toBe(before.dueAt);

    const approved = await must(KEYS.office, id, 'extension-decision', { approve: true, days: 10 });
    expect(approved.pendingExtension).toBeNull();
    const moved = deadline(approved, 'handling:1')!;
    expect(due(moved.dueAt) - due(before.dueAt)).toBe(10_000);
    expect(moved.state).toBe('open');
    expect(eventsOf(approved, 'extension_approved')[0]?.data).toEqual({ days: 10, dueAt: moved.dueAt });
    const row = await service.prisma.caseDeadline.findUniqueOrThrow({ where: { caseId_key: { caseId: id, key: 'handling:1' } } });
    expect(row.dueAt.toISOString()).toBe(moved.dueAt);
  });

  test.concurrent('denied: the deadline stays where it was', async () => {
    const { handling, must, show } = steps;
    const id = await handling();
    const before = deadline(await show(id), 'handling:1')!;
    await must(KEYS.unit450621, id, 'extension-requests', { days: 20, reason: '案情复杂' });
    const denied = await must(KEYS.office, id, 'extension-decision', { approve: false });
    expect(denied.pendingExtension).toBeNull();
    expect(deadline(denied, 'handling:1')?.dueAt).toBe(before.dueAt);
    expect(eventsOf(denied, 'extension_denied')[0]?.data).toEqual({ requestedDays: 20 });
  });

  test.concurrent('past the maximum: a request that would exceed the total limit is refused with the most that can still be granted', async () => {
    const { handling, act, must, historyLength } = steps;
    const id = await handling();
    const length = await historyLength(id);
    const tooLong = await act(KEYS.unit450621, id, 'extension-requests', { days: 61, reason: '需要更多时间' });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body.error.message).toMatch(/past the limit of PT1M30S in total; at most 60 more days can be granted/);
    expect(await historyLength(id)).toBe(length);

    // Within the limit it is asked; the office may not grant more than the limit leaves.
    await must(KEYS.unit450621, id, 'extension-requests', { days: 30, reason: '需要更多时间' });
    const overGrant = await act(KEYS.office, id, 'extension-decision', { approve: true, days: 61 });
    expect(overGrant.status).toBe(409);
    expect(overGrant.body.error.message).toMatch(/at most 60 more days/);
    // A second request while one waits is refused too.
    const again = await act(KEYS.unit450621, id, 'extension-requests', { days: 5, reason: '再延' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already waiting/);
  });
});

describe('results', () => {
  test.concurrent.each([
    ['paid_in_full', { paidAmount: '120000.00' }],
    ['no_arrears_found', {}],
    ['referred_to_litigation', {}],
  ] as const)('the unit reports %s: the complainant is notified, the office gets the report, the feedback window opens', async (outcome, extra) => {
    const { handling, must } = steps;
    const id = await handling();
    const reported = await must(KEYS.unit450621, id, 'result', { outcome, summary: `结果：${outcome}`, ...extra });
    expect(reported).toMatchObject({ status: 'result_reported', outcome });
    expect(eventsOf(reported, 'complainant_notified_of_result')[0]?.data).toEqual({ outcome });
    expect(eventsOf(reported, 'reported_to_office')[0]?.data).toEqual({ outcome });
    expect(deadline(reported, 'feedback:1')?.state).toBe('open');
    expect(whats(reported)).not.toContain('respondent_supervision_order');
    expect((await service.prisma.case.findUniqueOrThrow({ where: { id } })).outcome).toBe(outcome);
  });

  test.concurrent('the respondent refuses: supervision order to it, then summons, circular and an order to rectify, in that order', async () => {
    const { handling, must, until } = steps;
    const id = await handling();
    const refused = await must(KEYS.unit450621, id, 'result', { outcome: 'respondent_refuses', summary: '被投诉人拒不配合' });
    expect(refused.outcome).toBe('respondent_refuses');
    expect(eventsOf(refused, 'respondent_supervision_order')[0]?.data).toEqual({ level: 1, respondent: '上思县某局' });

    const done = await until(id, (c) => whats(c).includes('rectification_order'));
    const ladder = done.timeline.filter((e) => e.what.startsWith('respondent_') || e.what === 'rectification_order');
    expect(ladder.map((e) => [e.what, e.data.level])).toEqual([
      ['respondent_supervision_order', 1],
      ['respondent_summons', 2],
      ['respondent_circular', 3],
      ['rectification_order', 4],
    ]);
    // The unit's own ladder is untouched: it did its part.
    expect(done.escalationLevel).toBe(0);
  });

  test.concurrent('the respondent refuses, the complainant objects, and on re-handling the respondent pays: its ladder stops', async () => {
    const { handling, must, show } = steps;
    const id = await handling();
    await must(KEYS.unit450621, id, 'result', { outcome: 'respondent_refuses', summary: '被投诉人拒不配合' });
    await must(KEYS.complainant, id, 'feedback', { satisfied: false, comment: '请继续督促' });
    const paid = await must(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '经督办已付清' });
    const ladderSoFar = paid.timeline.filter((e) => e.what.startsWith('respondent_') || e.what === 'rectification_order').length;
    // Two ladder steps' time later, nothing more has been issued to a respondent that paid.
    await new Promise((r) => setTimeout(r, 4_500));
    const later = await show(id);
    expect(later.timeline.filter((e) => e.what.startsWith('respondent_') || e.what === 'rectification_order')).toHaveLength(ladderSoFar);
    expect(later.status).toBe('result_reported');
  });

  test.concurrent('a payment plan: each instalment confirmed paid asks for the next; all paid closes the case', async () => {
    const { handling, must } = steps;
    const id = await handling();
    const plan = [
      { dueDate: '2027-01-31', amount: '60000.00' },
      { dueDate: '2027-02-28', amount: '60000.00' },
    ];
    const reported = await must(KEYS.unit450621, id, 'result', { outcome: 'payment_plan', plan, summary: '分两期支付' });
    expect(reported.plan.map((p) => [p.n, p.state])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    const watching = await must(KEYS.complainant, id, 'feedback', { satisfied: true });
    expect(watching.status).toBe('monitoring_plan');
    expect(eventsOf(watching, 'instalment_confirmation_requested').map((e) => e.data)).toEqual([{ n: 1, dueDate: '2027-01-31', amount: '60000.00' }]);
    expect(deadline(watching, 'instalment:1')?.state).toBe('open');

    // The second cannot be confirmed before the first.
    const outOfOrder = await steps.act(KEYS.complainant, id, 'instalments/2/confirm', { paid: true });
    expect(outOfOrder.status).toBe(409);
    expect(outOfOrder.body.error.message).toMatch(/Instalment 1 must be confirmed first/);

    const first = await must(KEYS.complainant, id, 'instalments/1/confirm', { paid: true });
    expect(first.status).toBe('monitoring_plan');
    expect(first.plan.map((p) => p.state)).toEqual(['paid', 'open']);
    expect(deadline(first, 'instalment:1')?.state).toBe('met');
    expect(deadline(first, 'instalment:2')?.state).toBe('open');

    const last = await must(KEYS.complainant, id, 'instalments/2/confirm', { paid: true });
    expect(last.status).toBe('closed');
    expect(last.plan.map((p) => p.state)).toEqual(['paid', 'paid']);
    expect(eventsOf(last, 'closed')[0]?.data).toEqual({ reason: 'the payment plan was paid in full' });
  });

  test.concurrent('a payment plan: the complainant reports an instalment unpaid, and the case goes back to the unit', async () => {
    const { handling, must } = steps;
    const id = await handling();
    await must(KEYS.unit450621, id, 'result', { outcome: 'payment_plan', plan: [{ dueDate: '2027-03-31', amount: '120000.00' }], summary: '一期付清' });
    await must(KEYS.complainant, id, 'feedback', { satisfied: true });
    const reopened = await must(KEYS.complainant, id, 'instalments/1/confirm', { paid: false });
    expect(reopened).toMatchObject({ status: 'handling', outcome: null, unitId: 'gov-450621' });
    expect(eventsOf(reopened, 'instalment_missed')[0]).toMatchObject({ who: { role: 'complainant' }, data: { n: 1 } });
    expect(eventsOf(reopened, 'reopened')[0]?.data).toEqual({ reason: 'instalment 1 was not paid' });
    expect(deadline(reopened, 'handling:2')?.state).toBe('open');
  });

  test.concurrent('a payment plan: the grace to confirm an instalment elapses, and the case goes back to the unit', async () => {
    const { handling, must, until } = steps;
    const id = await handling();
    // The instalment fell due long ago; the grace after it is the feedback window.
    await must(KEYS.unit450621, id, 'result', { outcome: 'payment_plan', plan: [{ dueDate: '2025-01-31', amount: '120000.00' }], summary: '补签还款计划' });
    await must(KEYS.complainant, id, 'feedback', { satisfied: true });
    const reopened = await until(id, (c) => c.status === 'handling');
    expect(deadline(reopened, 'instalment:1')?.state).toBe('missed');
    expect(eventsOf(reopened, 'instalment_missed')[0]).toMatchObject({ who: { role: 'system' }, data: { n: 1 } });
    expect(reopened.plan).toEqual([]);
  });
});

describe('feedback', () => {
  test.concurrent('dissatisfied → reopened once → a new result → dissatisfied again → the office closes it', async () => {
    const { handling, must, act } = steps;
    const id = await handling();
    await must(KEYS.unit450621, id, 'result', { outcome: 'no_arrears_found', summary: '无拖欠' });

    const reopened = await must(KEYS.complainant, id, 'feedback', { satisfied: false, comment: '对方仍欠款' });
    expect(reopened).toMatchObject({ status: 'handling', outcome: null });
    expect(eventsOf(reopened, 'reopened')[0]?.data).toEqual({ reason: 'the complainant is not satisfied with the result' });
    expect(deadline(reopened, 'handling:2')?.state).toBe('open');

    await must(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '复查后已付清' });
    const again = await must(KEYS.complainant, id, 'feedback', { satisfied: false, comment: '仍不满意' });
    // Only once back to the unit: now the office decides.
    expect(again.status).toBe('result_reported');
    expect(eventsOf(again, 'reopened')).toHaveLength(1);
    const twice = await act(KEYS.complainant, id, 'feedback', { satisfied: true });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already given feedback/);

    const closed = await must(KEYS.office, id, 'close', { note: '已两次处理，依法办结' });
    expect(closed.status).toBe('closed');
    expect(eventsOf(closed, 'closed')[0]).toMatchObject({ who: { role: 'office' }, data: { note: '已两次处理，依法办结' } });
    expect(closed.deadlines.filter((d) => d.state === 'open')).toEqual([]);
  });
});

test('the office changes one case’s time limits on purpose: running deadlines keep their dates, the next one follows the new policy', async () => {
  const { call, file, must } = steps;
  const id = await file();
  await must(KEYS.office, id, 'review', { decision: 'accept' });
  const before = await call('GET', `/api/v1/complaints/${id}`, { key: KEYS.office });
  const signDue = deadline(before.body, 'sign:1')!.dueAt;

  const refused = await call('POST', `/api/v1/complaints/${id}/policy`, { key: KEYS.office, body: { changes: { handling: 'PT2M', handlingMax: 'PT1M' }, reason: '特殊情况' } });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/handlingMax .* is shorter than handling/);
  expect((await call('POST', `/api/v1/complaints/${id}/policy`, { key: KEYS.office, body: { changes: { handling: 'P1Y' }, reason: 'x' } })).body.error.issues[0].path).toMatch(/^changes/);
  expect((await call('POST', `/api/v1/complaints/${id}/policy`, { key: KEYS.unit450621, body: { changes: { handling: 'PT2M' }, reason: 'x' } })).status).toBe(403);

  const changed = await call('POST', `/api/v1/complaints/${id}/policy`, { key: KEYS.office, body: { changes: { handling: 'PT2M', handlingMax: 'PT6M' }, reason: '案情复杂，延长办理期限' } });
  expect(changed.status).toBe(200);
  expect(changed.body.timeline.at(-1)).toMatchObject({ what: 'policy_changed', data: { reason: '案情复杂，延长办理期限' } });
  expect(deadline(changed.body, 'sign:1')!.dueAt).toBe(signDue);

  const signed = await must(KEYS.unit450621, id, 'sign', {});
  const handling = deadline(signed, 'handling:1')!;
  const signedAt = Date.parse(eventsOf(signed, 'signed')[0]!.when);
  expect(Date.parse(handling.dueAt) - signedAt).toBeGreaterThanOrEqual(120_000 - 1000);
  expect(Date.parse(handling.dueAt) - signedAt).toBeLessThanOrEqual(120_000 + 1000);
});
