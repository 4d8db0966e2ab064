import crypto from 'node:crypto';
import { FAST_POLICY, apiClient, eventually, startTestService, type TestService } from '../support/service';
import { caseRowFields, resumeUnstartedCases } from '../../api/intake';
import { complaintSchema } from '../../domain/complaint';
import { resolvePolicy } from '../../domain/policy';
import { calendarData } from '../../domain/official-calendar';
import { KEYS, exampleComplaint } from '../support/fixtures';
import { creditCodeCheckCharacter } from '../../domain/credit-code';
import { createApiKey } from '../../api/keys';
import { Writable } from 'node:stream';
import pino from 'pino';
import { logRedaction } from '../../api/app';

let service: TestService;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  service = await startTestService('contract');
  call = apiClient(service.baseUrl);
});
afterAll(() => service.close());

describe('filing', () => {
  test('the same Idempotency-Key returns the same case with 200', async () => {
    const body = exampleComplaint({ contractTitle: 'idempotent filing' });
    const first = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body, headers: { 'idempotency-key': 'k-1' } });
    const again = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body, headers: { 'idempotency-key': 'k-1' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await service.prisma.case.count({ where: { complainantName: body.complainant.name, idempotencyKey: { endsWith: ':k-1' } } })).toBe(1);
  });

  test('an open case with the same complainant, respondent and contract is returned instead of a new one', async () => {
    const body = exampleComplaint({ contractTitle: 'duplicate filing' });
    const first = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body });
    const second = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.caseNumber).toBe(first.body.caseNumber);
  });

  test('a complainant may only file for its own credit code; the office files offline', async () => {
    const otherCode = `91450600MA5K00000${creditCodeCheckCharacter('91450600MA5K00000')}`;
    const other = exampleComplaint({ contractTitle: 'someone else', creditCode: otherCode });
    const res = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: other });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('a complainant key may only file for its own credit code');
    const mine = exampleComplaint({ contractTitle: 'filed by the office' });
    const online = await call('POST', '/api/v1/complaints', { key: KEYS.office, body: mine });
    expect(online.status).toBe(403);
    const offline = await call('POST', '/api/v1/complaints', { key: KEYS.office, body: { ...mine, channel: 'offline' } });
    expect(offline.status).toBe(201);
    expect(offline.body.channel).toBe('offline');
  });

  test('bad input is a 400 naming each field, and nothing is stored', async () => {
    const before = await service.prisma.case.count();
    const body = exampleComplaint({ contractTitle: 'bad' });
    const res = await call('POST', '/api/v1/complaints', {
      key: KEYS.complainant,
      body: { ...body, complainant: { ...body.complainant, creditCode: '91450600500000170X' }, contract: { ...body.contract, overdueAmount: '300000.00', amount: '250000.001' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['complainant.creditCode', 'contract.amount']));
    expect((await call('POST', '/api/v1/complaints', { key: KEYS.complainant, rawBody: '{"complainant":', headers: { 'content-type': 'application/json' } })).body.error.code).toBe('bad_request');
    expect((await call('POST', '/api/v1/complaints', { key: KEYS.complainant, rawBody: 'a=b', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await call('POST', '/api/v1/complaints', { key: KEYS.complainant, rawBody: JSON.stringify({ description: 'x'.repeat(300_000) }), headers: { 'content-type': 'application/json' } })).status).toBe(413);
    expect(await service.prisma.case.count()).toBe(before);
  });
});

test('a filing interrupted between its row and its workflow is started when a worker starts, and nothing else is touched', async () => {
  const complaint = complaintSchema.parse(exampleComplaint({ contractTitle: 'interrupted filing' }));
  const row = await service.prisma.case.create({
    data: { id: crypto.randomUUID(), caseNumber: 'FCG-2026-900001', duplicateKey: 'interrupted', ...caseRowFields(complaint), createdAt: new Date(Date.now() - 5 * 60_000) },
  });
  const deps = { prisma: service.prisma, temporal: service.temporal, taskQueue: service.taskQueue, policy: resolvePolicy(FAST_POLICY), calendar: calendarData(2025, 2028) };
  const resumed = await resumeUnstartedCases(deps);
  expect(resumed).toEqual(['FCG-2026-900001']);
  const stored = await eventually(() => service.prisma.case.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.projectedSeq > 0);
  expect(stored.status).toBe('submitted');
  expect((await service.temporal.workflow.getHandle(row.id).describe()).status.name).toBe('RUNNING');
  expect(await resumeUnstartedCases(deps)).toEqual([]);
});

describe('access', () => {
  test('no key is 401, a wrong role is 403, and an invisible case is 404 like a missing one', async () => {
    const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'visibility', regionCode: '450602' }) });
    expect((await call('GET', `/api/v1/complaints/${filed.body.id}`)).status).toBe(401);
    expect((await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: 'not-a-key' })).status).toBe(401);
    expect((await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.complainant, body: { decision: 'accept' } })).status).toBe(403);
    // Routed to 港口区, not to the demo unit (上思县): that unit cannot see it.
    await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
    const hidden = await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.unit450621 });
    const missing = await call('GET', '/api/v1/complaints/00000000-0000-0000-0000-000000000000', { key: KEYS.unit450621 });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const list = await call('GET', '/api/v1/complaints?limit=200', { key: KEYS.unit450621 });
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(filed.body.id);
  });

  test('one enterprise never sees another’s case: 404 on the case, absent from its list', async () => {
    const mine = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'isolation between enterprises' }) });
    const otherCode = `91450600MA5K00001${creditCodeCheckCharacter('91450600MA5K00001')}`;
    const other = await createApiKey(service.prisma, { role: 'complainant', creditCode: otherCode, label: 'another enterprise' });
    const seen = await call('GET', `/api/v1/complaints/${mine.body.id}`, { key: other.key });
    expect(seen.status).toBe(404);
    expect((await call('GET', '/api/v1/complaints?limit=200', { key: other.key })).body.items).toEqual([]);
    expect((await call('POST', `/api/v1/complaints/${mine.body.id}/withdraw`, { key: other.key, body: { reason: 'not mine' } })).status).toBe(404);
    expect((await call('GET', `/api/v1/complaints/${mine.body.id}`, { key: KEYS.complainant })).body.status).toBe('submitted');
  });
});

describe('lists, reference data, interest, docs', () => {
  test('lists page with a cursor and filter by status', async () => {
    for (const n of [1, 2, 3]) await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: `page ${n}` }) });
    const first = await call('GET', '/api/v1/complaints?limit=2&status=submitted', { key: KEYS.office });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.every((c: { status: string }) => c.status === 'submitted')).toBe(true);
    const second = await call('GET', `/api/v1/complaints?limit=2&status=submitted&cursor=${first.body.nextCursor}`, { key: KEYS.office });
    const ids = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await call('GET', '/api/v1/complaints?status=lost', { key: KEYS.office })).body.error.issues[0].path).toBe('query.status');
    const byNumber = await call('GET', `/api/v1/complaints?q=${encodeURIComponent(first.body.items[0].caseNumber)}`, { key: KEYS.office });
    expect(byNumber.body.items.map((c: { id: string }) => c.id)).toEqual([first.body.items[0].id]);
  });

  test('the office edits units and routing rules; others may not', async () => {
    const unit = { id: 'dept-education', name: '防城港市教育局', kind: 'city_department', contacts: { email: 'edu@example.com' } };
    expect((await call('POST', '/api/v1/units', { key: KEYS.complainant, body: unit })).status).toBe(403);
    const created = await call('POST', '/api/v1/units', { key: KEYS.office, body: unit });
    expect(created.status).toBe(201);
    expect((await call('POST', '/api/v1/units', { key: KEYS.office, body: unit })).status).toBe(409);
    const patched = await call('PATCH', '/api/v1/units/dept-education', { key: KEYS.office, body: { contacts: { email: 'edu@example.com', leadershipEmail: 'head@example.com' } } });
    expect(patched.body.contacts.leadershipEmail).toBe('head@example.com');
    // A patch that leaves contacts out leaves them alone.
    const renamed = await call('PATCH', '/api/v1/units/dept-education', { key: KEYS.office, body: { name: '防城港市教育局（新）' } });
    expect(renamed.body).toMatchObject({ name: '防城港市教育局（新）', contacts: { email: 'edu@example.com', leadershipEmail: 'head@example.com' } });
    const rule = await call('POST', '/api/v1/routing-rules', { key: KEYS.admin, body: { id: 'dept-education', supervisingDepartment: '防城港市教育局', unitId: 'dept-education', priority: 50 } });
    expect(rule.status).toBe(201);
    const moved = await call('PATCH', '/api/v1/routing-rules/dept-education', { key: KEYS.admin, body: { supervisingDepartment: '防城港市教育局（新）' } });
    expect(moved.body).toMatchObject({ priority: 50, isFallback: false, supervisingDepartment: '防城港市教育局（新）' });
    const badRule = await call('POST', '/api/v1/routing-rules', { key: KEYS.admin, body: { id: 'nowhere', unitId: 'no-such-unit' } });
    expect(badRule.status).toBe(400);
    expect(badRule.body.error.issues[0].path).toBe('unitId');
    const units = await call('GET', '/api/v1/units', { key: KEYS.office });
    expect(units.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(['fcg-office', 'gov-450621', 'dept-education']));
  });

  test('statutory interest: 0.05% a day when no rate was agreed, the LPR floor otherwise', async () => {
    const daily = await call('GET', '/api/v1/interest?principal=120000.00&dueDate=2025-05-01&asOf=2025-05-31', { key: KEYS.complainant });
    expect(daily.body).toMatchObject({ overdueDays: 30, basis: 'statutory_daily_rate', interest: '1800.00' });
    const floor = await call('GET', '/api/v1/interest?principal=100000.00&dueDate=2025-01-01&asOf=2026-01-01&annualRate=0.02&lpr=0.031', { key: KEYS.complainant });
    expect(floor.body).toMatchObject({ overdueDays: 365, basis: 'lpr_floor', interest: '3100.00' });
    const missing = await call('GET', '/api/v1/interest?principal=1.00&dueDate=2025-01-01&asOf=2026-01-01&annualRate=0.02', { key: KEYS.complainant });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('query.lpr');
  });

  test('the OpenAPI document lists every route, and /docs serves Swagger UI locally', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/complaints', '/api/v1/complaints/{id}', '/api/v1/complaints/{id}/review', '/api/v1/complaints/{id}/instalments/{n}/confirm', '/api/v1/units', '/api/v1/routing-rules/{id}', '/api/v1/interest']) {
      expect(Object.keys(doc.body.paths)).toContain(p);
    }
    expect(doc.body.components.schemas.Complaint.properties.complainant).toBeDefined();
    const docs = await call('GET', '/docs');
    expect(docs.text).toContain('swagger-ui-bundle.js');
    expect((await call('GET', '/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    const metrics = await call('GET', '/metrics');
    expect(metrics.text).toMatch(/complaint_cases\{status="submitted",escalation_level="0"\} \d+/);
    expect(metrics.text).toMatch(/http_requests_total\{method="GET",route="\/openapi.json",status="200"\} 1/);
  });

  test('the public list of dishonest payers needs no key', async () => {
    const res = await call('GET', '/api/v1/public/dishonest-payers');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
  });
});

test('personal data never reaches the logs: phone numbers, e-mail addresses, credit codes and keys are masked', () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const log = pino({ redact: logRedaction }, sink);
  log.info({ req: { headers: { authorization: 'Bearer demo-office-key' } }, complainant: { phone: '13800000000', email: 'ops@example.com', creditCode: '91450600500000170P', name: '某公司' } }, 'filed');
  const written = lines.join('');
  for (const secret of ['13800000000', 'ops@example.com', '91450600500000170P', 'demo-office-key']) expect(written).not.toContain(secret);
  expect(written).toContain('某公司');
});
