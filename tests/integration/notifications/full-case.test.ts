import { messageIdOf } from '../../../activities/channels';
import { caseViewQuery } from '../../../workflows/messages';
import { KEYS, exampleComplaint } from '../../support/fixtures';
import { apiClient, eventually, startTestService, type TestService } from '../../support/service';

let service: TestService;
let call: ReturnType<typeof apiClient>;
let smtp: TestService['smtp'];
let hooks: TestService['hooks'];

beforeAll(async () => {
  // Statutory (days-long) deadlines: no reminder fires while the case runs.
  service = await startTestService('notifications_case', {});
  call = apiClient(service.baseUrl);
  ({ smtp, hooks } = service);
  await service.prisma.unit.update({ where: { id: 'fcg-office' }, data: { contacts: { email: 'office@fcg.example', webhookUrl: `${hooks.url}/office`, leadershipEmail: 'office-head@fcg.example' } } });
  await service.prisma.unit.update({ where: { id: 'gov-450621' }, data: { contacts: { email: 'shangsi@fcg.example', leadershipEmail: 'shangsi-leaders@fcg.example' } } });
});
afterAll(() => service?.close());

test('a full case through the real service and workflow: every party is told of every step once, over each of its channels', async () => {
  const complaint = exampleComplaint({ contractTitle: 'notifications: full case' });
  complaint.complainant.webhookUrl = `${hooks.url}/enterprise`;
  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: complaint });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  expect((await call('POST', `/api/v1/complaints/${id}/review`, { key: KEYS.office, body: { decision: 'accept' } })).body.status).toBe('forwarded');
  expect((await call('POST', `/api/v1/complaints/${id}/sign`, { key: KEYS.unit450621 })).body.status).toBe('handling');
  const result = await call('POST', `/api/v1/complaints/${id}/result`, { key: KEYS.unit450621, body: { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已全额支付' } });
  expect(result.body.status).toBe('result_reported');
  expect((await call('POST', `/api/v1/complaints/${id}/feedback`, { key: KEYS.complainant, body: { satisfied: true } })).body.status).toBe('closed');

  const view = await service.temporal.workflow.getHandle(id).query(caseViewQuery);
  await eventually(() => service.prisma.case.findUniqueOrThrow({ where: { id } }), (r) => r.projectedSeq === view.seq);

  // The workflow sends what it recorded, by itself: every delivery of the case ends sent.
  const rows = await eventually(
    () => service.prisma.delivery.findMany({ where: { caseId: id } }),
    (all) => all.length > 0 && all.every((r) => r.status === 'sent'),
  );
  expect(rows.every((r) => r.status === 'sent')).toBe(true);
  const shown = await call('GET', `/api/v1/complaints/${id}`, { key: KEYS.complainant });
  expect(shown.body.notifications).toHaveLength(rows.length);
  expect(shown.body.notifications.every((n: { status: string }) => n.status === 'sent')).toBe(true);
  const told = rows.map((r) => `${r.eventType} → ${r.recipientKind} by ${r.channel}`).sort();
  expect(told).toEqual(
    [
      'submitted → complainant by email',
      'submitted → complainant by webhook',
      'submitted → office by email',
      'submitted → office by webhook',
      'accepted → complainant by email',
      'accepted → complainant by webhook',
      'forwarded → unit by email',
      'forwarded → complainant by email',
      'forwarded → complainant by webhook',
      'complainant_notified_of_result → complainant by email',
      'complainant_notified_of_result → complainant by webhook',
      'reported_to_office → office by email',
      'reported_to_office → office by webhook',
      'feedback_given → office by email',
      'feedback_given → office by webhook',
      'feedback_given → unit by email',
      'closed → complainant by email',
      'closed → complainant by webhook',
      'closed → unit by email',
    ].sort(),
  );

  // At the receivers: each delivery exactly once, under its own id.
  const ids = rows.map((r) => r.id).sort();
  const arrived = [...smtp.mails.map((m) => m.deliveryId), ...hooks.hooks.map((h) => h.deliveryId)].sort();
  expect(arrived).toEqual(ids);
  expect(smtp.mails.every((m) => m.messageId === messageIdOf(m.deliveryId))).toBe(true);
  expect(hooks.hooks.every((h) => h.signatureValid && h.answered === 200)).toBe(true);

  const toEnterprise = smtp.mails.filter((m) => m.to.includes('ops@example.com')).map((m) => m.subject);
  expect(toEnterprise.sort()).toEqual(
    [`投诉已收到：${view.caseNumber}`, `投诉已受理：${view.caseNumber}`, `投诉已转办：${view.caseNumber}`, `投诉处理结果：${view.caseNumber}`, `案件已办结：${view.caseNumber}`].sort(),
  );
  const resultMail = smtp.mails.find((m) => m.subject === `投诉处理结果：${view.caseNumber}`);
  expect(resultMail?.text).toContain('处理结果：已全额支付');
  expect(smtp.mails.find((m) => m.subject === `转办通知：${view.caseNumber}`)?.to).toEqual(['shangsi@fcg.example']);
});
