import fs from 'node:fs';
import path from 'node:path';
import { apiClient, startTestService, type TestService } from '../../support/service';
import { KEYS, exampleComplaint } from '../../support/fixtures';
import { DEMO_CREDIT_CODE } from '../../../scripts/runtime/seed';
import { WorkingCalendar } from '../../../domain/calendar';
import { calendarData } from '../../../domain/official-calendar';
import { beijingDateOf } from '../../../domain/beijing-date';
import { ensureWebBuilt } from '../../../scripts/runtime/web-build';
import { webRoutes, WEB_DIST } from '../../../api/web';
import express from 'express';

/** The default policy, as npm start runs it (working days): nothing fires while the test looks at a deadline. */
const CALM = {};

let service: TestService;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  ensureWebBuilt();
  service = await startTestService('web_serving', CALM);
  call = apiClient(service.baseUrl);
});
afterAll(() => service.close());

test('/ serves the built web app under the CSP, with its hashed assets cached for good', async () => {
  const index = await fetch(`${service.baseUrl}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toMatch(/text\/html/);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
  const html = await index.text();
  expect(html).toContain('<html lang="zh-CN">');
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const asset = await fetch(`${service.baseUrl}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  // A missing asset is a 404, never the page itself.
  expect((await fetch(`${service.baseUrl}/assets/nothing-here.js`)).status).toBe(404);
  // The API keeps its own JSON 404 beside the app.
  expect((await call('GET', '/api/v1/nothing', { key: KEYS.office })).body.error.code).toBe('not_found');
});

test('without a build, / says how to make one instead of failing obscurely', async () => {
  const app = express();
  app.use(webRoutes(path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'no-web-')), 'dist')));
  const server = app.listen(0);
  const port = (server.address() as { port: number }).port;
  const res = await fetch(`http://127.0.0.1:${port}/`);
  expect(res.status).toBe(503);
  expect(await res.text()).toContain('npm run build:web');
  server.close();
  expect(fs.existsSync(path.join(WEB_DIST, 'index.html'))).toBe(true);
});

test('GET /me tells the page who signed in; a bad key is 401', async () => {
  expect((await call('GET', '/api/v1/me', { key: KEYS.office })).body).toEqual({ keyId: expect.any(String), role: 'office', unitId: null, unitName: null, creditCode: null });
  expect((await call('GET', '/api/v1/me', { key: KEYS.unit450621 })).body).toMatchObject({ role: 'unit', unitId: 'gov-450621', unitName: '上思县人民政府', creditCode: null });
  expect((await call('GET', '/api/v1/me', { key: KEYS.complainant })).body).toMatchObject({ role: 'complainant', unitId: null, creditCode: DEMO_CREDIT_CODE });
  expect((await call('GET', '/api/v1/me', { key: 'not-a-key' })).status).toBe(401);
  expect((await call('GET', '/api/v1/me')).status).toBe(401);
});

test("an open deadline says when its clock started and how many working days are left, by the official calendar", async () => {
  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'countdown' }) });
  expect(filed.status).toBe(201);
  const calendar = new WorkingCalendar(calendarData(2025, 2028));
  const check = (c: { deadlines: { name: string; state: string; openedAt?: string; dueAt: string; workingDaysLeft?: number }[]; createdAt: string }) => {
    const review = c.deadlines.find((d) => d.name === 'review');
    expect(review?.state).toBe('open');
    expect(Date.parse(review!.openedAt!)).toBeGreaterThanOrEqual(Date.parse(c.createdAt) - 1000);
    expect(review!.workingDaysLeft).toBe(calendar.workingDaysBetween(beijingDateOf(new Date()), beijingDateOf(new Date(review!.dueAt))));
    // Ten working days from filing: the count on the filing day is 10 (or 9 once Beijing's day has turned).
    expect(review!.workingDaysLeft).toBeGreaterThanOrEqual(9);
    expect(review!.workingDaysLeft).toBeLessThanOrEqual(10);
  };
  check((await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.office })).body);
  const list = await call('GET', '/api/v1/complaints?status=submitted', { key: KEYS.office });
  check(list.body.items.find((c: { id: string }) => c.id === filed.body.id));
  // A deadline that is met carries no countdown.
  const accepted = await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
  const review = accepted.body.deadlines.find((d: { name: string }) => d.name === 'review');
  expect(review.state).toBe('met');
  expect(review.workingDaysLeft).toBeUndefined();
});

test('every case names its handling unit, so an enterprise can read who handles it (the units list is staff-only)', async () => {
  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'unit name' }) });
  expect(filed.body).toMatchObject({ unitId: null, unitName: null });
  await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
  const detail = await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.complainant });
  expect(detail.body).toMatchObject({ unitId: 'gov-450621', unitName: '上思县人民政府' });
  const list = await call('GET', '/api/v1/complaints?limit=200', { key: KEYS.complainant });
  expect(list.body.items.find((c: { id: string }) => c.id === filed.body.id)).toMatchObject({ unitId: 'gov-450621', unitName: '上思县人民政府' });
  expect((await call('GET', '/api/v1/units', { key: KEYS.complainant })).status).toBe(403);
});
