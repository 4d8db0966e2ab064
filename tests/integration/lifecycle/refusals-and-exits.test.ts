import { startTestService, type TestService } from '../../support/service';
import { KEYS } from '../../support/fixtures';
import { caseSteps, eventsOf } from './case-steps';
import { CaseStatusKey, UnitIdKey } from '../../../workflows/search-attributes';

let service: TestService;
let steps: ReturnType<typeof caseSteps>;

beforeAll(async () => {
  // No deadline passes while these tests run, so nothing but the commands under test can change a case.
  service = await startTestService('lifecycle_refusals', {
    review: 'PT10M',
    sign: 'PT10M',
    handling: 'PT20M',
    handlingMax: 'PT60M',
    feedback: 'PT10M',
    reminderLead: 'PT1M',
    escalationStep: 'PT5M',
  });
  steps = caseSteps(service);
});
afterAll(() => service.close());

type Step = [key: string, path: string, body: unknown, reason: RegExp];

/** Commands that make no sense in the stage the case is in, by whom they would otherwise be allowed. */
const IMPOSSIBLE: Record<'submitted' | 'forwarded' | 'handling' | 'closed', Step[]> = {
  submitted: [
    [KEYS.complainant, 'supplements', { text: '补充材料' }, /only be supplied after the office has asked/],
    [KEYS.office, 'reassign', { unitId: 'gov-450602' }, /Only a case forwarded to a unit or being handled/],
    [KEYS.office, 'escalate', { reason: '催' }, /Only a case forwarded to a unit or being handled/],
    [KEYS.office, 'serious', { reason: '严重' }, /once it has been forwarded/],
    [KEYS.office, 'close', {}, /once it has been forwarded/],
    [KEYS.office, 'extension-decision', { approve: true }, /no extension request waiting/],
    [KEYS.complainant, 'feedback', { satisfied: true }, /on a result the unit has reported/],
    [KEYS.complainant, 'instalments/1/confirm', { paid: true }, /while a payment plan is being followed up/],
  ],
  forwarded: [
    [KEYS.office, 'review', { decision: 'accept' }, /Only a case waiting for review can be accepted/],
    [KEYS.office, 'review', { decision: 'reject', reason: 'no_contract' }, /Only a case waiting for review can be rejected/],
    [KEYS.unit450621, 'result', { outcome: 'paid_in_full', summary: '已付' }, /only be reported while the unit is handling/],
    [KEYS.unit450621, 'extension-requests', { days: 5, reason: '延期' }, /only be requested while the unit is handling/],
    [KEYS.office, 'reassign', { unitId: 'gov-450621' }, /already assigned to that unit/],
  ],
  handling: [
    [KEYS.unit450621, 'sign', {}, /Only a case forwarded to a unit can be signed for/],
    [KEYS.complainant, 'feedback', { satisfied: false }, /on a result the unit has reported/],
    [KEYS.office, 'extension-decision', { approve: false }, /no extension request waiting/],
    [KEYS.office, 'review', { decision: 'request_information' }, /only be requested while the case is under review/],
  ],
  closed: [
    [KEYS.office, 'escalate', { reason: '催' }, /closed/],
    [KEYS.office, 'close', {}, /closed/],
    [KEYS.complainant, 'withdraw', { reason: '撤回' }, /closed/],
    [KEYS.complainant, 'feedback', { satisfied: false }, /closed/],
  ],
};

async function caseIn(stage: keyof typeof IMPOSSIBLE): Promise<string> {
  const { file, must, handling } = steps;
  if (stage === 'submitted') return file();
  if (stage === 'forwarded') {
    const id = await file();
    await must(KEYS.office, id, 'review', { decision: 'accept' });
    return id;
  }
  const id = await handling();
  if (stage === 'closed') {
    await must(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已付清' });
    await must(KEYS.complainant, id, 'feedback', { satisfied: true });
  }
  return id;
}

test.concurrent.each(Object.keys(IMPOSSIBLE).map((stage) => [stage as keyof typeof IMPOSSIBLE]))(
  'every impossible command on a %s case is refused with 409 and the reason, and the history does not grow',
  async (stage) => {
    const { act, show, historyLength } = steps;
    const id = await caseIn(stage);
    const before = await show(id);
    const length = await historyLength(id);
    for (const [key, path, body, reason] of IMPOSSIBLE[stage]) {
      const res = await act(key, id, path, body);
      expect({ path, status: res.status, message: res.body?.error?.message }).toEqual({ path, status: 409, message: expect.stringMatching(reason) });
    }
    expect(await historyLength(id)).toBe(length);
    expect(await show(id)).toMatchObject({ status: before.status, timeline: before.timeline });
  },
);

test.concurrent('commands from the wrong role are forbidden before they reach the case', async () => {
  const { act, historyLength, handling } = steps;
  const id = await handling();
  const length = await historyLength(id);
  const wrong: [string, string, unknown][] = [
    [KEYS.complainant, 'review', { decision: 'accept' }],
    [KEYS.complainant, 'result', { outcome: 'paid_in_full', summary: '自己说付了' }],
    [KEYS.complainant, 'escalate', { reason: '催' }],
    [KEYS.unit450621, 'close', {}],
    [KEYS.unit450621, 'extension-decision', { approve: true, days: 5 }],
    [KEYS.unit450621, 'withdraw', { reason: '撤' }],
    [KEYS.unit450621, 'serious', { reason: '严重' }],
    [KEYS.office, 'sign', {}],
    [KEYS.office, 'feedback', { satisfied: true }],
    [KEYS.office, 'withdraw', { reason: '代撤' }],
  ];
  for (const [key, path, body] of wrong) {
    const res = await act(key, id, path, body);
    expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({ path, status: 403, code: 'forbidden' });
  }
  expect(await historyLength(id)).toBe(length);
});

describe('withdrawal', () => {
  const STAGES = ['submitted', 'needs_information', 'forwarded', 'handling', 'result_reported', 'monitoring_plan'] as const;

  async function caseAt(stage: (typeof STAGES)[number]): Promise<string> {
    const { file, must, handling } = steps;
    if (stage === 'submitted') return file();
    if (stage === 'needs_information' || stage === 'forwarded') {
      const id = await file();
      await must(KEYS.office, id, 'review', { decision: stage === 'forwarded' ? 'accept' : 'request_information' });
      return id;
    }
    const id = await handling();
    if (stage === 'handling') return id;
    await must(KEYS.unit450621, id, 'result', { outcome: 'payment_plan', plan: [{ dueDate: '2027-06-30', amount: '120000.00' }], summary: '分期' });
    if (stage === 'monitoring_plan') await must(KEYS.complainant, id, 'feedback', { satisfied: true });
    return id;
  }

  test.concurrent.each(STAGES.map((s) => [s]))('the complainant withdraws a case that is %s: it ends, every clock stops', async (stage) => {
    const { must, act } = steps;
    const id = await caseAt(stage);
    const withdrawn = await must(KEYS.complainant, id, 'withdraw', { reason: '双方已和解' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(eventsOf(withdrawn, 'withdrawn')[0]).toMatchObject({ who: { role: 'complainant' }, data: { reason: '双方已和解' } });
    expect(withdrawn.deadlines.filter((d) => d.state === 'open')).toEqual([]);

    const handle = service.temporal.workflow.getHandle(id);
    expect((await handle.result()).status).toBe('withdrawn');
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    const row = await service.prisma.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'withdrawn', nextDeadlineAt: null });
    expect(row.closedAt).not.toBeNull();

    const afterwards = await act(KEYS.complainant, id, 'withdraw', { reason: '再撤' });
    expect(afterwards.status).toBe(409);
    expect(afterwards.body.error.message).toMatch(/withdrawn/);
  });
});

describe('serious cases', () => {
  test.concurrent('the office finds a case serious: the sanctions workflow starts on the server as a child of the case', async () => {
    const { handling, must, act } = steps;
    const id = await handling();
    const serious = await must(KEYS.office, id, 'serious', { reason: '拒不履行且多次拖欠' });
    expect(eventsOf(serious, 'found_serious')[0]?.data).toEqual({ reason: '拒不履行且多次拖欠' });
    expect(eventsOf(serious, 'sanctions_started')[0]?.data).toEqual({ workflowId: `${id}-sanctions` });

    const child = await service.temporal.workflow.getHandle(`${id}-sanctions`).describe();
    expect(child.type).toBe('sanctionsWorkflow');
    expect(child.parentExecution?.workflowId).toBe(id);

    const again = await act(KEYS.office, id, 'serious', { reason: '再次' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already been found serious/);
  });

  test.concurrent('a closed case whose respondent refused to the end can still be found serious', async () => {
    const { handling, must } = steps;
    const id = await handling();
    await must(KEYS.unit450621, id, 'result', { outcome: 'respondent_refuses', summary: '拒不支付' });
    await must(KEYS.complainant, id, 'feedback', { satisfied: true });
    const closed = await must(KEYS.office, id, 'serious', { reason: '拒不整改' });
    expect(closed.status).toBe('closed');
    expect((await service.temporal.workflow.getHandle(`${id}-sanctions`).describe()).type).toBe('sanctionsWorkflow');
  });
});

test.concurrent('operators find a case being handled in the Temporal visibility store by its CaseStatus and UnitId', async () => {
  const id = await steps.handling();
  const query = `CaseStatus = "handling" AND UnitId = "gov-450621" AND WorkflowId = "${id}"`;
  const listed = async () => {
    const found: string[] = [];
    for await (const wf of service.temporal.workflow.list({ query })) found.push(wf.workflowId);
    return found;
  };
  let found: string[] = [];
  const deadline = Date.now() + 15_000;
  while (found.length === 0 && Date.now() < deadline) {
    found = await listed();
    if (found.length === 0) await new Promise((r) => setTimeout(r, 250));
  }
  expect(found).toEqual([id]);
  const described = await service.temporal.workflow.getHandle(id).describe();
  expect(described.typedSearchAttributes.get(CaseStatusKey)).toBe('handling');
  expect(described.typedSearchAttributes.get(UnitIdKey)).toBe('gov-450621');
});
