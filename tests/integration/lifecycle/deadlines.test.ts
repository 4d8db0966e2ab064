import { startTestService, type TestService } from '../../support/service';
import { KEYS } from '../../support/fixtures';
import { caseSteps, deadline, eventsOf, whats, type ShownCase } from './case-steps';
import { EscalationLevelKey } from '../../../workflows/search-attributes';

/** Deadlines short enough to be missed while the test watches; each ladder rung two seconds apart. */
const LATE_POLICY = {
  review: 'PT3S',
  sign: 'PT3S',
  handling: 'PT3S',
  handlingMax: 'PT9S',
  feedback: 'PT3S',
  reminderLead: 'PT1S',
  escalationStep: 'PT2S',
};

let service: TestService;
let steps: ReturnType<typeof caseSteps>;

beforeAll(async () => {
  service = await startTestService('lifecycle_deadlines', LATE_POLICY);
  steps = caseSteps(service);
});
afterAll(() => service.close());

const escalations = (c: ShownCase) => eventsOf(c, 'escalated').map((e) => e.data);
const after = (c: ShownCase, what: string) => c.timeline.slice(c.timeline.findIndex((e) => e.what === what) + 1);

test.concurrent('the office leaves the review open: reminded before the deadline, told it is missed, then its head is told', async () => {
  const { file, until, must } = steps;
  const id = await file();
  const late = await until(id, (c) => whats(c).includes('escalated_to_office_head'));

  expect(deadline(late, 'review:1')?.state).toBe('missed');
  const reminders = eventsOf(late, 'reminder_sent').map((e) => e.data);
  expect(reminders[0]).toMatchObject({ deadline: 'review', to: 'office' });
  expect(eventsOf(late, 'deadline_missed')[0]?.data).toMatchObject({ deadline: 'review', to: 'office' });
  expect(whats(late).indexOf('deadline_missed')).toBeLessThan(whats(late).indexOf('escalated_to_office_head'));
  expect(eventsOf(late, 'escalated_to_office_head')[0]?.data).toEqual({ deadline: 'review', to: 'office_head' });
  // The unit ladder is not the office's: no level is added for a late review.
  expect(late.escalationLevel).toBe(0);

  // Late, but the office can still decide.
  expect((await must(KEYS.office, id, 'review', { decision: 'accept' })).status).toBe('forwarded');
});

test.concurrent('a late review that the office then decides does not go on to its head', async () => {
  const { file, until, must, show } = steps;
  const id = await file();
  await until(id, (c) => deadline(c, 'review:1')?.state === 'missed');
  await must(KEYS.office, id, 'review', { decision: 'request_information' });
  // One escalation step later the head would have been told had the office not acted.
  await new Promise((r) => setTimeout(r, 2_500));
  expect(whats(await show(id))).not.toContain('escalated_to_office_head');
});

test.concurrent('the unit does not sign for the case: reminded, then the 催办通知 copied to its leadership; signing stops that ladder', async () => {
  const { file, until, must } = steps;
  const id = await file();
  await must(KEYS.office, id, 'review', { decision: 'accept' });
  const level1 = await until(id, (c) => c.escalationLevel >= 1);

  expect(eventsOf(level1, 'reminder_sent').map((e) => e.data)).toContainEqual(expect.objectContaining({ deadline: 'sign', to: 'unit' }));
  expect(deadline(level1, 'sign:1')?.state).toBe('missed');
  expect(escalations(level1)[0]).toMatchObject({ level: 1, stepZh: '催办通知', unitId: 'gov-450621', to: ['unit'], cc: ['unit_leadership'] });
  expect(level1.escalationLevel).toBe(1);

  const signed = await must(KEYS.unit450621, id, 'sign');
  expect(signed.status).toBe('handling');
  expect(deadline(signed, 'sign:1')?.state).toBe('missed');

  // From now on only the handling deadline can push the case up the ladder.
  const later = await until(id, (c) => deadline(c, 'handling:1')?.state === 'missed' && c.escalationLevel >= 2);
  for (const e of after(later, 'signed').filter((e) => e.what === 'escalated')) expect(e.data.reason).toMatch(/handling/);
});

test.concurrent('the unit misses the handling deadline: 催办通知 to its leadership, then 督办书, then 约谈 and 通报 — in that order, then no further', async () => {
  const { handling, until, act } = steps;
  const id = await handling();
  const top = await until(id, (c) => c.escalationLevel === 3);

  expect(deadline(top, 'handling:1')?.state).toBe('missed');
  expect(eventsOf(top, 'reminder_sent').map((e) => e.data)).toContainEqual(expect.objectContaining({ deadline: 'handling', to: 'unit' }));
  expect(eventsOf(top, 'deadline_missed').map((e) => e.data)).toContainEqual(expect.objectContaining({ deadline: 'handling', to: 'unit' }));
  expect(escalations(top)).toEqual([
    expect.objectContaining({ level: 1, stepZh: '催办通知', to: ['unit'], cc: ['unit_leadership'] }),
    expect.objectContaining({ level: 2, stepZh: '督办书', to: ['unit', 'unit_leadership'] }),
    expect.objectContaining({ level: 3, stepZh: '约谈、通报', to: ['unit_principal'], circular: 'all_units' }),
  ]);
  const [first, second, third] = eventsOf(top, 'escalated').map((e) => new Date(e.when).getTime());
  expect(second! - first!).toBeGreaterThanOrEqual(2_000);
  expect(third! - second!).toBeGreaterThanOrEqual(2_000);
  const row = await service.prisma.case.findUniqueOrThrow({ where: { id } });
  expect(row.escalationLevel).toBe(3);
  // Operators see the level in the Temporal UI as well.
  const described = await service.temporal.workflow.getHandle(id).describe();
  expect(described.typedSearchAttributes.get(EscalationLevelKey)).toBe(3);
  // The lateness board: the office finds it among overdue cases at level 3, and not among those on time.
  const overdue = await steps.call('GET', '/api/v1/complaints?overdue=true&escalationLevel=3&limit=200', { key: KEYS.office });
  expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(id);
  const onTime = await steps.call('GET', '/api/v1/complaints?overdue=false&limit=200', { key: KEYS.office });
  expect(onTime.body.items.map((c: { id: string }) => c.id)).not.toContain(id);

  // The top of the ladder is the top: the office cannot go higher, and the workflow does not try.
  const higher = await act(KEYS.office, id, 'escalate', { reason: 'still nothing' });
  expect(higher.status).toBe(409);
  expect(higher.body.error.message).toMatch(/highest escalation level/);
  await new Promise((r) => setTimeout(r, 2_500));
  expect(escalations(await steps.show(id))).toHaveLength(3);

  // The late unit can still answer; the ladder stays recorded.
  const answered = await steps.must(KEYS.unit450621, id, 'result', { outcome: 'no_arrears_found', summary: '经核查无拖欠' });
  expect(answered).toMatchObject({ status: 'result_reported', escalationLevel: 3 });
});

test.concurrent('the office escalates by hand before any deadline passes', async () => {
  const { file, must } = steps;
  const id = await file();
  await must(KEYS.office, id, 'review', { decision: 'accept' });
  const escalated = await must(KEYS.office, id, 'escalate', { reason: '群众反映强烈' });
  expect(escalated.escalationLevel).toBe(1);
  expect(eventsOf(escalated, 'escalated')[0]).toMatchObject({ who: { role: 'office' }, data: { level: 1, reason: '群众反映强烈' } });
});

test.concurrent('the complainant stays silent after the result: the feedback window elapsing counts as no objection', async () => {
  const { handling, must, until } = steps;
  const id = await handling();
  await must(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已付清' });
  const closed = await until(id, (c) => c.status === 'closed');
  expect(whats(closed)).toEqual(expect.arrayContaining(['feedback_window_elapsed', 'closed']));
  expect(eventsOf(closed, 'feedback_window_elapsed')[0]?.data).toMatchObject({ satisfied: true });
  expect(eventsOf(closed, 'closed')[0]?.data).toEqual({ reason: 'no objection within the feedback window' });
  expect(deadline(closed, 'feedback:1')?.state).toBe('missed');
});
