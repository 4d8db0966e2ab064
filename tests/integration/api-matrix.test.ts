import http from 'node:http';
import Ajv2020 from 'ajv/dist/2020';
import { Client, Connection } from '@temporalio/client';
import { apiClient, startTestService, type TestService } from '../support/service';
import { KEYS, exampleComplaint } from '../support/fixtures';
import { COMMAND_ROUTES } from '../../api/complaints';
import { createApp } from '../../api/app';
import { resolvePolicy } from '../../domain/policy';
import { calendarData } from '../../domain/official-calendar';
import { freePort } from '../../scripts/runtime/ports';
import { caseViewQuery } from '../../workflows/messages';

let service: TestService;
let call: ReturnType<typeof apiClient>;
let caseId: string;

beforeAll(async () => {
  service = await startTestService('matrix', undefined, { rateLimitPerMinute: 100_000 });
  call = apiClient(service.baseUrl);
  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'matrix' }) });
  caseId = filed.body.id;
  await call('POST', `/api/v1/complaints/${caseId}/review`, { key: KEYS.office, body: { decision: 'accept' } });
});
afterAll(() => service.close());

const ROLES = { none: undefined, complainant: KEYS.complainant, unit: KEYS.unit450621, office: KEYS.office, admin: KEYS.admin } as const;
type RoleName = keyof typeof ROLES;

/** Who may call what, as the API contract says. Anyone not listed gets 403 (401 without a key). */
const MATRIX: { method: string; path: () => string; allowed: RoleName[]; body?: unknown }[] = [
  { method: 'POST', path: () => '/api/v1/complaints', allowed: ['complainant', 'office'], body: {} },
  { method: 'GET', path: () => '/api/v1/complaints', allowed: ['complainant', 'unit', 'office', 'admin'] },
  { method: 'GET', path: () => `/api/v1/complaints/${caseId}`, allowed: ['complainant', 'unit', 'office', 'admin'] },
  ...COMMAND_ROUTES.map((r) => ({
    method: 'POST',
    path: () => `/api/v1/complaints/${caseId}${r.path.slice('/:id'.length).replace(':n', '1')}`,
    allowed: r.roles as RoleName[],
    body: { definitely: 'not a valid body' },
  })),
  { method: 'GET', path: () => '/api/v1/units', allowed: ['office', 'admin'] },
  { method: 'POST', path: () => '/api/v1/units', allowed: ['office', 'admin'], body: {} },
  { method: 'PATCH', path: () => '/api/v1/units/gov-450621', allowed: ['office', 'admin'], body: { bad: true } },
  { method: 'GET', path: () => '/api/v1/routing-rules', allowed: ['office', 'admin'] },
  { method: 'POST', path: () => '/api/v1/routing-rules', allowed: ['office', 'admin'], body: {} },
  { method: 'PATCH', path: () => '/api/v1/routing-rules/region-450621', allowed: ['office', 'admin'], body: { bad: true } },
  { method: 'GET', path: () => '/api/v1/interest?principal=1.00&dueDate=2025-01-01&asOf=2025-01-02', allowed: ['complainant', 'unit', 'office', 'admin'] },
  { method: 'GET', path: () => '/api/v1/audit/verify', allowed: ['office', 'admin'] },
  { method: 'GET', path: () => '/api/v1/agencies', allowed: ['office', 'admin'] },
  { method: 'GET', path: () => '/api/v1/statistics?from=2026-11-01&to=2026-12-01', allowed: ['office', 'admin'] },
  { method: 'GET', path: () => '/api/v1/circulars', allowed: ['office', 'admin'] },
  { method: 'POST', path: () => '/api/v1/circulars', allowed: ['office', 'admin'], body: { period: 'not a month' } },
  { method: 'POST', path: () => '/api/v1/agencies', allowed: ['office', 'admin'], body: {} },
  { method: 'GET', path: () => '/api/v1/public/dishonest-payers', allowed: ['none', 'complainant', 'unit', 'office', 'admin'] },
];

test('the role × endpoint authorisation matrix', async () => {
  const seen: string[] = [];
  for (const row of MATRIX) {
    for (const [role, key] of Object.entries(ROLES) as [RoleName, string | undefined][]) {
      const res = await call(row.method, row.path(), { key, body: row.body });
      const allowed = row.allowed.includes(role);
      const expected = allowed ? 'allowed' : key ? 403 : 401;
      const got = res.status === 401 || res.status === 403 ? res.status : 'allowed';
      seen.push(`${row.method} ${row.path()} as ${role}: ${got}`);
      expect(`${row.method} ${row.path()} as ${role}: ${got}`).toBe(`${row.method} ${row.path()} as ${role}: ${expected}`);
      expect(res.status).toBeLessThan(500);
    }
  }
  expect(seen).toHaveLength(MATRIX.length * 5);
});

test('responses are valid against the OpenAPI document, and the stored detail agrees with the workflow after every step', async () => {
  const doc = (await call('GET', '/openapi.json')).body;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: 'openapi' });
  const validCase = ajv.getSchema('openapi#/components/schemas/Case')!;
  const validError = ajv.getSchema('openapi#/components/schemas/Error')!;
  const check = (body: unknown, validate: typeof validCase) => {
    const ok = validate(body);
    if (!ok) throw new Error(JSON.stringify(validate.errors));
  };
  const agrees = async (id: string) => {
    const view = await service.temporal.workflow.getHandle(id).query(caseViewQuery);
    const shown = (await call('GET', `/api/v1/complaints/${id}`, { key: KEYS.office })).body;
    // The countdown (workingDaysLeft) is the API's own reading of today's calendar, not the workflow's.
    const deadlines = shown.deadlines.map(({ workingDaysLeft: _countdown, ...d }: { workingDaysLeft?: number }) => d);
    expect({ status: shown.status, unitId: shown.unitId, escalationLevel: shown.escalationLevel, events: shown.timeline.length, deadlines }).toEqual({
      status: view.status,
      unitId: view.unitId,
      escalationLevel: view.escalationLevel,
      events: view.timeline.length,
      deadlines: view.deadlines.map((d) => ({
        key: d.key,
        name: d.name,
        ...(d.openedAt ? { openedAt: d.openedAt } : {}),
        dueAt: d.dueAt,
        state: d.state,
        ...(d.metAt ? { metAt: d.metAt } : {}),
        ...(d.extended ? { extended: true } : {}),
      })),
    });
  };

  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'openapi' }) });
  check(filed.body, validCase);
  const id = filed.body.id;
  await agrees(id);
  const steps: [string, string, unknown][] = [
    [KEYS.office, 'review', { decision: 'accept' }],
    [KEYS.unit450621, 'sign', {}],
    [KEYS.unit450621, 'extension-requests', { days: 5, reason: '需要核实付款凭证' }],
    [KEYS.office, 'extension-decision', { approve: true }],
    [KEYS.office, 'escalate', { reason: '进展缓慢' }],
    [KEYS.unit450621, 'result', { outcome: 'payment_plan', plan: [{ dueDate: '2027-01-15', amount: '60000.00' }, { dueDate: '2027-02-15', amount: '60000.00' }], summary: '分两期支付' }],
    [KEYS.complainant, 'feedback', { satisfied: true }],
  ];
  for (const [key, step, body] of steps) {
    const res = await call('POST', `/api/v1/complaints/${id}/${step}`, { key, body });
    expect(`${step}: ${res.status}`).toBe(`${step}: 200`);
    check(res.body, validCase);
    await agrees(id);
  }
  const shown = await call('GET', `/api/v1/complaints/${id}`, { key: KEYS.complainant });
  expect(shown.body.status).toBe('monitoring_plan');
  check(shown.body, validCase);
  const list = await call('GET', '/api/v1/complaints?limit=5', { key: KEYS.office });
  for (const item of list.body.items) check(item, validCase);
  const refused = await call('POST', `/api/v1/complaints/${id}/sign`, { key: KEYS.unit450621 });
  expect(refused.status).toBe(409);
  check(refused.body, validError);
});

test('too many requests get 429 with the error shape', async () => {
  const limited = await startTestService('ratelimit', undefined, { rateLimitPerMinute: 3 });
  const hit = apiClient(limited.baseUrl);
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await hit('GET', '/api/v1/complaints', { key: KEYS.office })).status);
  const last = await hit('GET', '/api/v1/complaints', { key: KEYS.office });
  await limited.close();
  expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
  expect(last.status).toBe(429);
  expect(last.body.error.code).toBe('rate_limited');
});

test('a decision while Temporal is unreachable is a 503, not a 500, and changes nothing', async () => {
  const dead = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 1000 });
  const app = createApp({ prisma: service.prisma, temporal: new Client({ connection: dead }), taskQueue: service.taskQueue, policy: resolvePolicy({}), calendar: calendarData(2026, 2027), logLevel: 'silent', temporalDeadlineMs: 2000 });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const down = apiClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  const before = await service.prisma.case.count();
  const decision = await down('POST', `/api/v1/complaints/${caseId}/escalate`, { key: KEYS.office, body: { reason: 'x' } });
  const filing = await down('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'while temporal is down' }) });
  const circular = await down('POST', '/api/v1/circulars', { key: KEYS.office, body: { period: '2026-01' } });
  server.close();
  await dead.close();
  expect(decision.status).toBe(503);
  expect(decision.body.error.code).toBe('unavailable');
  expect(filing.status).toBe(503);
  expect(circular.status).toBe(503);
  expect(await service.prisma.case.count()).toBe(before);
});
