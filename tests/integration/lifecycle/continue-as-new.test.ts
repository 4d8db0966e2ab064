import { complaintSchema } from '../../../domain/complaint';
import { resolvePolicy } from '../../../domain/policy';
import { calendarData } from '../../../domain/official-calendar';
import { complaintCase, type CaseInput } from '../../../workflows/case';
import { caseViewQuery } from '../../../workflows/messages';
import { caseRowFields } from '../../../api/intake';
import { KEYS, exampleComplaint } from '../../support/fixtures';
import { apiClient, eventually, startTestService, type TestService } from '../../support/service';

let service: TestService;

beforeAll(async () => {
  service = await startTestService('continue_as_new', { review: 'PT10M', sign: 'PT10M', handling: 'PT20M', handlingMax: 'PT60M', feedback: 'PT10M', reminderLead: 'PT1M', escalationStep: 'PT5M' });
});
afterAll(() => service.close());

test('a case that continues as new keeps everything it had — status, unit, deadlines, timeline — and goes on taking decisions', async () => {
  const call = apiClient(service.baseUrl);
  // The case as intake writes it, then its workflow started with a short history limit.
  const complaint = complaintSchema.parse(exampleComplaint({ contractTitle: 'continue as new' }));
  const row = await service.prisma.case.create({ data: { id: crypto.randomUUID(), caseNumber: 'FCG-2026-800001', duplicateKey: 'continue-as-new', ...caseRowFields(complaint) } });
  const input: CaseInput = {
    caseId: row.id,
    caseNumber: row.caseNumber,
    filedAt: row.createdAt.toISOString(),
    complaint,
    policy: resolvePolicy({ review: 'PT10M', sign: 'PT10M', handling: 'PT20M', handlingMax: 'PT60M', feedback: 'PT10M', reminderLead: 'PT1M', escalationStep: 'PT5M' }),
    calendar: calendarData(2025, 2028),
    historyLimit: 40,
  };
  const first = await service.temporal.workflow.start(complaintCase, { workflowId: row.id, taskQueue: service.taskQueue, args: [input] });
  await eventually(() => service.prisma.case.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.projectedSeq > 0);

  const must = async (key: string, path: string, body: unknown = {}) => {
    const res = await call('POST', `/api/v1/complaints/${row.id}/${path}`, { key, body });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  await must(KEYS.office, 'review', { decision: 'accept' });
  await must(KEYS.unit450621, 'sign');
  await must(KEYS.office, 'escalate', { reason: '进展缓慢' });
  await must(KEYS.unit450621, 'extension-requests', { days: 5, reason: '需要核实' });

  // The history passed its limit: the same case now runs in a new run of the same workflow.
  const handle = service.temporal.workflow.getHandle(row.id);
  const described = await eventually(() => handle.describe(), (d) => d.runId !== first.firstExecutionRunId, 30_000);
  expect(described.runId).not.toBe(first.firstExecutionRunId);
  expect(described.status.name).toBe('RUNNING');

  const view = await handle.query(caseViewQuery);
  expect(view).toMatchObject({ status: 'handling', unitId: 'gov-450621', escalationLevel: 1, pendingExtension: { days: 5 } });
  expect(view.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['submitted', 'accepted', 'forwarded', 'signed', 'escalated', 'extension_requested']));
  expect(view.deadlines.find((d) => d.key === 'handling:1')?.state).toBe('open');

  // Decisions keep working on the new run, and the read model follows.
  const approved = await must(KEYS.office, 'extension-decision', { approve: true });
  expect(approved.timeline.at(-1).what).toBe('extension_approved');
  const result = await must(KEYS.unit450621, 'result', { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已全额支付' });
  expect(result.status).toBe('result_reported');
  const seqs = result.timeline.map((e: { seq: number }) => e.seq);
  expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
});
