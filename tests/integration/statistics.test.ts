import fs from 'node:fs';
import http from 'node:http';
import express from 'express';
import { DefaultLogger, NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createStatistics } from '../../activities/statistics';
import { authenticate } from '../../api/auth';
import { errorMiddleware } from '../../api/errors';
import { caseRowFields } from '../../api/intake';
import { statisticsRoutes } from '../../api/statistics';
import type { CaseDeadline } from '../../domain/case-record';
import type { CaseStatus } from '../../domain/case-status';
import { complaintSchema } from '../../domain/complaint';
import { previousBeijingMonth } from '../../domain/statistics';
import { circularScheduleId, ensureCircularSchedule } from '../../scripts/runtime/schedules';
import { newCaseView } from '../../workflows/case-view';
import { KEYS, exampleComplaint } from '../support/fixtures';
import { apiClient, eventually, startTestService, type TestService } from '../support/service';
import { axeViolations, launchBrowser, screenshot } from '../support/browser';

let service: TestService;
let worker: Worker;
let workerConnection: NativeConnection;
let running: Promise<void>;
let server: http.Server;
let call: ReturnType<typeof apiClient>;
let taskQueue: string;

// ── The seeded month: November 2026 in Beijing, i.e. [2026-10-31T16:00Z, 2026-11-30T16:00Z). ──
const SHANGSI = 'gov-450621'; // 上思县人民政府
const GANGKOU = 'gov-450602'; // 港口区人民政府
const DONGXING = 'gov-450681'; // 东兴市人民政府

type Step = [at: string, type: string, data?: Record<string, unknown>];
interface SeededCase {
  status: CaseStatus;
  unitId: string | null;
  steps: Step[];
  deadlines: CaseDeadline[];
}
const met = (key: string, dueAt: string, metAt: string): CaseDeadline => ({ key, name: key.split(':')[0] as CaseDeadline['name'], dueAt, state: 'met', metAt });
const missed = (key: string, dueAt: string): CaseDeadline => ({ key, name: key.split(':')[0] as CaseDeadline['name'], dueAt, state: 'missed' });
const open = (key: string, dueAt: string): CaseDeadline => ({ key, name: key.split(':')[0] as CaseDeadline['name'], dueAt, state: 'open' });
const cancelled = (key: string, dueAt: string): CaseDeadline => ({ key, name: key.split(':')[0] as CaseDeadline['name'], dueAt, state: 'cancelled' });

const SEEDED: Record<string, SeededCase> = {
  // 上思县: signed and handled in 7 days, the complainant satisfied.
  A1: {
    status: 'closed',
    unitId: SHANGSI,
    steps: [
      ['2026-11-02T01:00:00Z', 'submitted'],
      ['2026-11-02T02:00:00Z', 'forwarded', { unitId: SHANGSI }],
      ['2026-11-03T02:00:00Z', 'signed', { unitId: SHANGSI }],
      ['2026-11-10T02:00:00Z', 'result_reported', { outcome: 'paid_in_full' }],
      ['2026-11-12T02:00:00Z', 'feedback_given', { satisfied: true }],
      ['2026-11-12T02:00:00Z', 'closed'],
    ],
    deadlines: [met('sign:1', '2026-11-04T15:59:59.999Z', '2026-11-03T02:00:00Z'), met('handling:1', '2026-12-03T15:59:59.999Z', '2026-11-10T02:00:00Z'), met('feedback:1', '2026-11-19T15:59:59.999Z', '2026-11-12T02:00:00Z')],
  },
  // 上思县: handled in 3.5 days, the complainant dissatisfied: reopened, still in hand.
  A2: {
    status: 'handling',
    unitId: SHANGSI,
    steps: [
      ['2026-11-04T01:00:00Z', 'submitted'],
      ['2026-11-04T02:00:00Z', 'forwarded', { unitId: SHANGSI }],
      ['2026-11-05T14:00:00Z', 'signed', { unitId: SHANGSI }],
      ['2026-11-09T02:00:00Z', 'result_reported', { outcome: 'paid_in_full' }],
      ['2026-11-10T02:00:00Z', 'feedback_given', { satisfied: false }],
      ['2026-11-10T02:00:00Z', 'reopened'],
    ],
    deadlines: [met('sign:1', '2026-11-06T15:59:59.999Z', '2026-11-05T14:00:00Z'), met('handling:1', '2026-12-05T15:59:59.999Z', '2026-11-09T02:00:00Z'), met('feedback:1', '2026-11-16T15:59:59.999Z', '2026-11-10T02:00:00Z'), open('handling:2', '2026-12-10T15:59:59.999Z')],
  },
  // 上思县: signed late; a level-1 reminder (催办).
  A3: {
    status: 'handling',
    unitId: SHANGSI,
    steps: [
      ['2026-11-06T01:00:00Z', 'submitted'],
      ['2026-11-06T02:00:00Z', 'forwarded', { unitId: SHANGSI }],
      ['2026-11-10T16:00:00Z', 'deadline_missed', { deadline: 'sign' }],
      ['2026-11-10T16:00:00Z', 'escalated', { level: 1, unitId: SHANGSI }],
      ['2026-11-12T02:00:00Z', 'signed', { unitId: SHANGSI }],
    ],
    deadlines: [missed('sign:1', '2026-11-10T15:59:59.999Z'), open('handling:1', '2026-12-12T15:59:59.999Z')],
  },
  // 上思县: signed on time, still in hand.
  A4: {
    status: 'handling',
    unitId: SHANGSI,
    steps: [
      ['2026-11-20T01:00:00Z', 'submitted'],
      ['2026-11-20T02:00:00Z', 'forwarded', { unitId: SHANGSI }],
      ['2026-11-21T02:00:00Z', 'signed', { unitId: SHANGSI }],
    ],
    deadlines: [met('sign:1', '2026-11-24T15:59:59.999Z', '2026-11-21T02:00:00Z'), open('handling:1', '2026-12-21T15:59:59.999Z')],
  },
  // 东兴市 hands it back unsigned; 上思县 takes it over and signs on time.
  C2: {
    status: 'handling',
    unitId: SHANGSI,
    steps: [
      ['2026-11-15T01:00:00Z', 'submitted'],
      ['2026-11-15T02:00:00Z', 'forwarded', { unitId: DONGXING }],
      ['2026-11-16T02:00:00Z', 'returned_by_unit', { unitId: DONGXING }],
      ['2026-11-16T04:00:00Z', 'forwarded', { unitId: SHANGSI }],
      ['2026-11-17T04:00:00Z', 'signed', { unitId: SHANGSI }],
    ],
    deadlines: [cancelled('sign:1', '2026-11-18T15:59:59.999Z'), met('sign:2', '2026-11-19T15:59:59.999Z', '2026-11-17T04:00:00Z'), open('handling:1', '2026-12-17T15:59:59.999Z')],
  },
  // 港口区: let the sign-for deadline pass and climbed the whole ladder to 约谈 (level 3); then handled in 10 days; the complainant stayed silent.
  B1: {
    status: 'closed',
    unitId: GANGKOU,
    steps: [
      ['2026-11-03T01:00:00Z', 'submitted'],
      ['2026-11-03T02:00:00Z', 'forwarded', { unitId: GANGKOU }],
      ['2026-11-06T16:00:00Z', 'escalated', { level: 1, unitId: GANGKOU }],
      ['2026-11-11T16:00:00Z', 'escalated', { level: 2, unitId: GANGKOU }],
      ['2026-11-16T16:00:00Z', 'escalated', { level: 3, unitId: GANGKOU }],
      ['2026-11-17T02:00:00Z', 'signed', { unitId: GANGKOU }],
      ['2026-11-27T02:00:00Z', 'result_reported', { outcome: 'paid_in_full' }],
      ['2026-11-30T10:00:00Z', 'feedback_window_elapsed', { satisfied: true }],
      ['2026-11-30T10:00:00Z', 'closed'],
    ],
    deadlines: [missed('sign:1', '2026-11-06T15:59:59.999Z'), met('handling:1', '2026-12-15T15:59:59.999Z', '2026-11-27T02:00:00Z'), cancelled('feedback:1', '2026-11-30T09:59:59.999Z')],
  },
  // 港口区: signed on time but missed the handling deadline; level-1 reminder.
  B2: {
    status: 'handling',
    unitId: GANGKOU,
    steps: [
      ['2026-11-05T01:00:00Z', 'submitted'],
      ['2026-11-05T02:00:00Z', 'forwarded', { unitId: GANGKOU }],
      ['2026-11-06T02:00:00Z', 'signed', { unitId: GANGKOU }],
      ['2026-11-25T16:00:00Z', 'deadline_missed', { deadline: 'handling' }],
      ['2026-11-25T16:00:00Z', 'escalated', { level: 1, unitId: GANGKOU }],
    ],
    deadlines: [met('sign:1', '2026-11-08T15:59:59.999Z', '2026-11-06T02:00:00Z'), missed('handling:1', '2026-11-25T15:59:59.999Z')],
  },
  // 港口区: signed the same day, handled in 2 days, satisfied.
  B3: {
    status: 'closed',
    unitId: GANGKOU,
    steps: [
      ['2026-11-10T01:00:00Z', 'submitted'],
      ['2026-11-10T02:00:00Z', 'forwarded', { unitId: GANGKOU }],
      ['2026-11-10T08:00:00Z', 'signed', { unitId: GANGKOU }],
      ['2026-11-12T08:00:00Z', 'result_reported', { outcome: 'paid_in_full' }],
      ['2026-11-13T08:00:00Z', 'feedback_given', { satisfied: true }],
      ['2026-11-13T08:00:00Z', 'closed'],
    ],
    deadlines: [met('sign:1', '2026-11-12T15:59:59.999Z', '2026-11-10T08:00:00Z'), met('handling:1', '2026-12-10T15:59:59.999Z', '2026-11-12T08:00:00Z')],
  },
  // 东兴市: received in October; result in November after 14 days, reopened on a complaint, second result after 3 days, satisfied.
  C1: {
    status: 'closed',
    unitId: DONGXING,
    steps: [
      ['2026-10-19T01:00:00Z', 'submitted'],
      ['2026-10-20T02:00:00Z', 'forwarded', { unitId: DONGXING }],
      ['2026-10-21T02:00:00Z', 'signed', { unitId: DONGXING }],
      ['2026-11-04T02:00:00Z', 'result_reported', { outcome: 'paid_in_full' }],
      ['2026-11-05T02:00:00Z', 'feedback_given', { satisfied: false }],
      ['2026-11-05T02:00:00Z', 'reopened'],
      ['2026-11-08T02:00:00Z', 'result_reported', { outcome: 'paid_in_full' }],
      ['2026-11-09T02:00:00Z', 'feedback_given', { satisfied: true }],
      ['2026-11-09T02:00:00Z', 'closed'],
    ],
    deadlines: [met('sign:1', '2026-10-23T15:59:59.999Z', '2026-10-21T02:00:00Z'), met('handling:1', '2026-11-20T15:59:59.999Z', '2026-11-04T02:00:00Z'), met('handling:2', '2026-12-05T15:59:59.999Z', '2026-11-08T02:00:00Z')],
  },
  // Outside the month on both sides: closed in October, and filed in December (Beijing) — they count nowhere.
  OLD: {
    status: 'closed',
    unitId: GANGKOU,
    steps: [
      ['2026-10-01T01:00:00Z', 'submitted'],
      ['2026-10-01T02:00:00Z', 'forwarded', { unitId: GANGKOU }],
      ['2026-10-05T02:00:00Z', 'escalated', { level: 3, unitId: GANGKOU }],
      ['2026-10-30T02:00:00Z', 'closed'],
    ],
    deadlines: [missed('sign:1', '2026-10-04T15:59:59.999Z')],
  },
  NEW: {
    status: 'forwarded',
    unitId: GANGKOU,
    steps: [
      ['2026-11-30T16:00:00Z', 'submitted'],
      ['2026-11-30T16:30:00Z', 'forwarded', { unitId: GANGKOU }],
    ],
    deadlines: [missed('sign:1', '2026-11-30T16:00:00Z')],
  },
};

/**
 * The circular for November, worked out by hand from the cases above (rows in unit id order):
 * 上思县  received A1 A2 A3 A4 C2 = 5; signed on time A1 A2 A4 C2(sign:2) = 4; handled on time A1 A2 = 2;
 *        overdue A3 = 1; level 1: A3; handling days (7 + 3.5) / 2 = 5.25 → 5.3; feedback A1 yes, A2 no → 50.0%;
 *        overdue share 1/5 = 20%: no summons.
 * 港口区  received B1 B2 B3 = 3; signed on time B2 B3 = 2; handled on time B1 B3 = 2; overdue B1 B2 = 2;
 *        level 1: B2, level 3: B1; handling days (10 + 2) / 2 = 6.0; feedback B3 yes, B1 silent → 100.0%;
 *        summons: level 3 reached and 2/3 overdue.
 * 东兴市  received C2 = 1 (C1 came in October); signed on time 0 (C2's sign:1 was cancelled); handled on time C1 twice = 2;
 *        handling days (14 + 3) / 2 = 8.5; feedback C1 no then yes → 50.0%.
 */
const HEADERS = ['承办单位', '单位编号', '收件数', '按时签收', '按时办结', '逾期件数', '催办（一级）', '督办（二级）', '约谈通报（三级）', '平均办理天数', '评价件数', '满意', '不满意', '逾期未评价', '满意率（%）', '是否约谈'];
const EXPECTED_TABLE: string[][] = [
  ['防城港市住房和城乡建设局', 'dept-housing', '0', '0', '0', '0', '0', '0', '0', '', '0', '0', '0', '0', '', '否'],
  ['防城港市国有资产监督管理委员会', 'dept-sasac', '0', '0', '0', '0', '0', '0', '0', '', '0', '0', '0', '0', '', '否'],
  ['防城港市交通运输局', 'dept-transport', '0', '0', '0', '0', '0', '0', '0', '', '0', '0', '0', '0', '', '否'],
  ['港口区人民政府', 'gov-450602', '3', '2', '2', '2', '1', '0', '1', '6.0', '1', '1', '0', '1', '100.0', '是'],
  ['防城区人民政府', 'gov-450603', '0', '0', '0', '0', '0', '0', '0', '', '0', '0', '0', '0', '', '否'],
  ['上思县人民政府', 'gov-450621', '5', '4', '2', '1', '1', '0', '0', '5.3', '2', '1', '1', '0', '50.0', '否'],
  ['东兴市人民政府', 'gov-450681', '1', '0', '2', '0', '0', '0', '0', '8.5', '2', '1', '1', '0', '50.0', '否'],
];
const EXPECTED_SUMMONS = { [GANGKOU]: ['level3_reached', 'overdue_share'] } as Record<string, string[]>;

async function seedNovember(): Promise<void> {
  const raw = exampleComplaint();
  let n = 0;
  for (const [name, c] of Object.entries(SEEDED)) {
    n += 1;
    const complaint = complaintSchema.parse({ ...raw, contract: { ...raw.contract, title: `statistics ${name}` } });
    const caseId = `stats-${name.toLowerCase()}`;
    const caseNumber = `FCG-2026-${String(900 + n).padStart(6, '0')}`;
    const timeline = c.steps.map(([at, type, data = {}], i) => ({ seq: i + 1, type, actor: { role: 'system' as const, id: 'workflow' }, at, data }));
    const unitHistory = [...new Set(c.steps.filter(([, type]) => type === 'forwarded').map(([, , data]) => String(data?.unitId)))];
    const escalationLevel = Math.max(0, ...c.steps.filter(([, type]) => type === 'escalated').map(([, , data]) => Number(data?.level)));
    const firstAt = c.steps[0]?.[0] ?? '';
    const closedAt = c.status === 'closed' ? c.steps[c.steps.length - 1]?.[0] : undefined;
    const detail = {
      ...newCaseView(caseId, caseNumber),
      status: c.status,
      unitId: c.unitId,
      unitHistory,
      escalationLevel,
      deadlines: c.deadlines,
      timeline,
      seq: timeline.length,
    };
    await service.prisma.case.create({
      data: {
        id: caseId,
        caseNumber,
        duplicateKey: caseId,
        ...caseRowFields(complaint),
        status: c.status,
        unitId: c.unitId,
        unitIds: unitHistory,
        escalationLevel,
        detail: detail as object,
        projectedSeq: timeline.length,
        createdAt: new Date(firstAt),
        closedAt: closedAt ? new Date(closedAt) : null,
      },
    });
    await service.prisma.caseDeadline.createMany({
      data: c.deadlines.map((d) => ({ caseId, key: d.key, name: d.name, dueAt: new Date(d.dueAt), state: d.state, metAt: d.metAt ? new Date(d.metAt) : null })),
    });
  }
}

/** A CSV as the spreadsheet sees it (no field of ours needs quoting). */
const csvCells = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

beforeAll(async () => {
  service = await startTestService('statistics');
  // The service's worker does not run the circular yet; this one runs it the way the real worker will.
  taskQueue = `${service.taskQueue}-circulars`;
  workerConnection = await NativeConnection.connect({ address: process.env.TEMPORAL_TEST_ADDRESS! });
  worker = await Worker.create({
    connection: workerConnection,
    namespace: process.env.TEMPORAL_TEST_NAMESPACE ?? 'default',
    taskQueue,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows/circular'), logger: new DefaultLogger('WARN') }),
    // Batches of two, so loading the month takes several pages.
    activities: createStatistics({ prisma: service.prisma, batchSize: 2 }),
  });
  running = worker.run();

  // The router as the app mounts it, over real HTTP.
  const app = express();
  const api = express.Router();
  api.use(express.json());
  api.use(authenticate(service.prisma));
  api.use(statisticsRoutes({ prisma: service.prisma, temporal: service.temporal, taskQueue }));
  app.use('/api/v1', api);
  app.use(errorMiddleware({ error: () => undefined }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  call = apiClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);

  await seedNovember();
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  if (worker) {
    worker.shutdown();
    await running;
  }
  await workerConnection?.close();
  try {
    await service?.temporal.schedule.getHandle(circularScheduleId(taskQueue)).delete();
  } catch {
    // Not created when an earlier step failed.
  }
  await service?.close();
});

describe('the monthly circular (通报) for November 2026', () => {
  let circularId: string;

  test('the office produces it on demand; every cell matches the cases behind it', async () => {
    const produced = await call('POST', '/api/v1/circulars', { key: KEYS.office, body: { period: '2026-11' } });
    expect(produced.status).toBe(201);
    circularId = produced.body.id;
    expect(produced.body).toMatchObject({ id: 'circular-2026-11', period: '2026-11', from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(produced.body.summonsUnitIds).toEqual([GANGKOU]);

    const rows = produced.body.rows as Record<string, any>[];
    expect(rows).toHaveLength(EXPECTED_TABLE.length);
    EXPECTED_TABLE.forEach((expected, i) => {
      const [name, unitId, received, signedOnTime, handledOnTime, overdue, l1, l2, l3, avg, given, satisfied, dissatisfied, silent, rate] = expected;
      expect(rows[i]).toEqual({
        unitName: name,
        unitId,
        received: Number(received),
        signedOnTime: Number(signedOnTime),
        handledOnTime: Number(handledOnTime),
        overdue: Number(overdue),
        escalation: { level1: Number(l1), level2: Number(l2), level3: Number(l3) },
        averageHandlingDays: avg || null,
        feedback: { given: Number(given), satisfied: Number(satisfied), dissatisfied: Number(dissatisfied), silent: Number(silent) },
        satisfactionRate: rate || null,
        summonsReasons: EXPECTED_SUMMONS[unitId ?? ''] ?? [],
      });
    });

    const fetched = await call('GET', `/api/v1/circulars/${circularId}`, { key: KEYS.admin });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(produced.body);
  });

  test('the statistics page for the same days shows the same rows', async () => {
    const stats = await call('GET', '/api/v1/statistics?from=2026-11-01&to=2026-12-01', { key: KEYS.office });
    expect(stats.status).toBe(200);
    const circular = await call('GET', `/api/v1/circulars/${circularId}`, { key: KEYS.office });
    expect(stats.body).toEqual({ from: '2026-11-01', to: '2026-12-01', units: circular.body.rows });
  });

  test('the spreadsheet starts with a UTF-8 BOM and has the same cells under Chinese headers', async () => {
    const res = await fetch(`${serverUrl()}/api/v1/circulars/${circularId}/spreadsheet`, { headers: { authorization: `Bearer ${KEYS.office}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('circular-2026-11.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvCells(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))).toEqual([HEADERS, ...EXPECTED_TABLE]);
  });

  test('the printable page names every unit and lists 港口区 for a summons with its reasons', async () => {
    const page = await call('GET', `/api/v1/circulars/${circularId}/print`, { key: KEYS.office });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('2026年11月保障中小企业款项支付投诉办理情况通报');
    for (const row of EXPECTED_TABLE) expect(page.text).toContain(`<td>${row[0]}</td>`);
    const summons = /<ol id="summons">(.*?)<\/ol>/s.exec(page.text)?.[1] ?? '';
    expect(summons).toBe('<li>港口区人民政府：有案件升级至约谈通报（三级）；逾期件数占收件数30%以上（收件3件以上）</li>');
  });

  test('the circulars page in Chromium shows the same month cell by cell, flags 港口区 for a summons, and downloads the same spreadsheet', async () => {
    // The page as the clerk reads it: rates are handled on time ÷ (handled on time + overdue), satisfied / answered.
    const EXPECTED_PAGE: string[][] = [
      ['防城港市住房和城乡建设局', '0', '0', '0', '0', '—', '0', '0', '0', '—', '0 / 0', '0', '—', '否'],
      ['防城港市国有资产监督管理委员会', '0', '0', '0', '0', '—', '0', '0', '0', '—', '0 / 0', '0', '—', '否'],
      ['防城港市交通运输局', '0', '0', '0', '0', '—', '0', '0', '0', '—', '0 / 0', '0', '—', '否'],
      ['港口区人民政府', '3', '2', '2', '2', '50%', '1', '0', '1', '6', '1 / 1', '1', '100%', '约谈'],
      ['防城区人民政府', '0', '0', '0', '0', '—', '0', '0', '0', '—', '0 / 0', '0', '—', '否'],
      ['上思县人民政府', '5', '4', '2', '1', '66.7%', '1', '0', '0', '5.3', '1 / 2', '0', '50%', '否'],
      ['东兴市人民政府', '1', '0', '2', '0', '100%', '0', '0', '0', '8.5', '1 / 2', '0', '50%', '否'],
    ];
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${service.baseUrl}/`);
      await page.getByLabel('API 密钥').fill(KEYS.office);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/#\/inbox$/);
      await page.goto(`${service.baseUrl}/#/circulars?id=${circularId}`);
      const table = page.getByRole('table', { name: '2026年11月通报：各单位办理情况' });
      await table.waitFor();
      const cells = await table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => Array.from(row.children, (cell) => (cell as { innerText: string }).innerText.replace('⚠', '').trim())),
      );
      expect(cells).toEqual(EXPECTED_PAGE);
      await screenshot(page, 'statistics', 'circular-2026-11');
      expect(await axeViolations(page)).toEqual([]);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载表格（CSV）' }).click()]);
      const file = await download.path();
      expect(csvCells(new TextDecoder('utf-8', { ignoreBOM: true }).decode(fs.readFileSync(file)))).toEqual([HEADERS, ...EXPECTED_TABLE]);
      expect(browser.consoleErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('producing the same month again refreshes the one circular instead of adding another', async () => {
    const before = await service.prisma.circular.findUniqueOrThrow({ where: { period: '2026-11' } });
    const again = await call('POST', '/api/v1/circulars', { key: KEYS.admin, body: { period: '2026-11' } });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(circularId);
    expect(Date.parse(again.body.generatedAt)).toBeGreaterThanOrEqual(before.generatedAt.getTime());
    expect(await service.prisma.circular.count()).toBe(1);
    const list = await call('GET', '/api/v1/circulars', { key: KEYS.office });
    expect(list.body.items).toEqual([{ id: circularId, period: '2026-11', generatedAt: again.body.generatedAt, summonsUnitIds: [GANGKOU] }]);
  });

  test('a unit may not see the circulars; a month not yet over, a bad period or an unknown circular are refused', async () => {
    expect((await call('GET', '/api/v1/circulars', { key: KEYS.unit450621 })).status).toBe(403);
    expect((await call('GET', '/api/v1/statistics?from=2026-11-01&to=2026-12-01', { key: KEYS.complainant })).status).toBe(403);
    const future = await call('POST', '/api/v1/circulars', { key: KEYS.office, body: { period: '2099-01' } });
    expect(future.status).toBe(400);
    expect((await call('POST', '/api/v1/circulars', { key: KEYS.office, body: { period: '2026-13' } })).status).toBe(400);
    expect((await call('GET', '/api/v1/statistics?from=2026-12-01&to=2026-11-01', { key: KEYS.office })).body.error.issues).toEqual([{ path: 'query.to', message: 'must be after from' }]);
    expect((await call('GET', '/api/v1/statistics?from=2026-11-31&to=2026-12-01', { key: KEYS.office })).status).toBe(400);
    expect((await call('GET', '/api/v1/circulars/circular-1999-01', { key: KEYS.office })).status).toBe(404);
  });
});

describe('the monthly schedule', () => {
  test('created at worker start, once: 00:00 UTC (08:00 Beijing) on the 1st, running the circular on the task queue', async () => {
    await ensureCircularSchedule(service.temporal, taskQueue);
    await ensureCircularSchedule(service.temporal, taskQueue);
    const described = await service.temporal.schedule.getHandle(circularScheduleId(taskQueue)).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'monthlyCircularWorkflow', taskQueue });
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({
        dayOfMonth: [{ start: 1, end: 1, step: 1 }],
        hour: [{ start: 0, end: 0, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
      }),
    ]);
    const next = described.info.nextActionTimes[0];
    expect(next?.getUTCDate()).toBe(1);
    expect(next?.getUTCHours()).toBe(0);
    const listed: string[] = [];
    for await (const s of service.temporal.schedule.list()) listed.push(s.scheduleId);
    expect(listed.filter((id) => id === circularScheduleId(taskQueue))).toHaveLength(1);
  });

  test('a scheduled run, given no period, produces the circular of the Beijing month that ended last', async () => {
    const month = previousBeijingMonth(new Date());
    const before = (await service.prisma.circular.findUnique({ where: { period: month } }))?.generatedAt.getTime() ?? 0;
    await service.temporal.schedule.getHandle(circularScheduleId(taskQueue)).trigger();
    const made = await eventually(
      () => service.prisma.circular.findUnique({ where: { period: month } }),
      (c) => (c?.generatedAt.getTime() ?? 0) > before,
    );
    expect(made).toMatchObject({ id: `circular-${month}`, period: month });
  });
});

function serverUrl(): string {
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}
