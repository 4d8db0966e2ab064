import { Router } from 'express';
import { z } from 'zod';
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/client';
import { circularId, circularJson, createStatistics, type CircularRecord } from '../activities/statistics';
import { beijingDateOf, isBeijingDate, startOfBeijingDay } from '../domain/beijing-date';
import { MONTH_PATTERN, type SummonsReason, type UnitStatistics } from '../domain/statistics';
import { monthlyCircularWorkflow } from '../workflows/circular';
import { requireRole } from './auth';
import { HttpError, notFound } from './errors';
import { parseBody } from './validation';

export interface StatisticsRouteDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** How long producing a circular may wait on Temporal before the clerk gets 503 (default a minute). */
  temporalDeadlineMs?: number;
}

const beijingDate = z.string().refine(isBeijingDate, 'must be a date written YYYY-MM-DD');
/** The period is [from, to): whole Beijing days, `to` not included. */
export const statisticsQuerySchema = z
  .object({ from: beijingDate, to: beijingDate })
  .refine((q) => q.from < q.to, { message: 'must be after from', path: ['to'] });
export const circularRequestSchema = z.object({ period: z.string().regex(MONTH_PATTERN, 'must be a month written YYYY-MM') }).strict();

/** The circular's columns, in the order the spreadsheet and the printed page show them. */
const COLUMNS: { zh: string; cell: (r: UnitStatistics) => string }[] = [
  { zh: '承办单位', cell: (r) => r.unitName },
  { zh: '单位编号', cell: (r) => r.unitId },
  { zh: '收件数', cell: (r) => String(r.received) },
  { zh: '按时签收', cell: (r) => String(r.signedOnTime) },
  { zh: '按时办结', cell: (r) => String(r.handledOnTime) },
  { zh: '逾期件数', cell: (r) => String(r.overdue) },
  { zh: '催办（一级）', cell: (r) => String(r.escalation.level1) },
  { zh: '督办（二级）', cell: (r) => String(r.escalation.level2) },
  { zh: '约谈通报（三级）', cell: (r) => String(r.escalation.level3) },
  { zh: '平均办理天数', cell: (r) => r.averageHandlingDays ?? '' },
  { zh: '评价件数', cell: (r) => String(r.feedback.given) },
  { zh: '满意', cell: (r) => String(r.feedback.satisfied) },
  { zh: '不满意', cell: (r) => String(r.feedback.dissatisfied) },
  { zh: '逾期未评价', cell: (r) => String(r.feedback.silent) },
  { zh: '满意率（%）', cell: (r) => r.satisfactionRate ?? '' },
  { zh: '是否约谈', cell: (r) => (r.summonsReasons.length ? '是' : '否') },
];
export const CIRCULAR_HEADERS_ZH = COLUMNS.map((c) => c.zh);

const REASON_ZH: Record<SummonsReason, string> = {
  level3_reached: '有案件升级至约谈通报（三级）',
  overdue_share: '逾期件数占收件数30%以上（收件3件以上）',
};

/** The circular's table as text cells, header first: what the spreadsheet and the print page both show. */
export function circularCells(c: CircularRecord): string[][] {
  return [CIRCULAR_HEADERS_ZH, ...c.rows.map((r) => COLUMNS.map((col) => col.cell(r)))];
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const html = (v: string) => v.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function circularCsv(c: CircularRecord): string {
  // The BOM tells Excel and WPS the file is UTF-8; without it they read the Chinese as GBK.
  return '\uFEFF' + circularCells(c).map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function circularPage(c: CircularRecord): string {
  const [head = [], ...body] = circularCells(c);
  const [year, month] = c.period.split('-');
  const summoned = c.rows.filter((r) => r.summonsReasons.length > 0);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${html(`${year}年${Number(month)}月保障中小企业款项支付投诉办理情况通报`)}</title>
<style>
body { font-family: "SimSun", "Songti SC", serif; margin: 2em; color: #000; }
h1 { font-size: 1.4em; text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
th, td { border: 1px solid #000; padding: 0.3em; text-align: center; }
td:first-child { text-align: left; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${html(`${year}年${Number(month)}月保障中小企业款项支付投诉办理情况通报`)}</h1>
<p>统计期间：${html(c.from)} 至 ${html(c.to)}（北京时间${html(`${year}年${Number(month)}月`)}）；生成时间：${html(c.generatedAt)}</p>
<table>
<thead><tr>${head.map((h) => `<th scope="col">${html(h)}</th>`).join('')}</tr></thead>
<tbody>
${body.map((row) => `<tr>${row.map((v) => `<td>${html(v)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>
<h2>约谈单位</h2>
${
  summoned.length
    ? `<ol id="summons">${summoned.map((r) => `<li>${html(r.unitName)}：${r.summonsReasons.map((why) => html(REASON_ZH[why])).join('；')}</li>`).join('')}</ol>`
    : '<p id="summons">本期无约谈单位。</p>'
}
</body>
</html>
`;
}

/** Per-unit statistics for any period, and the monthly circulars (通报): office and admin only. */
export function statisticsRoutes({ prisma, temporal, taskQueue, temporalDeadlineMs }: StatisticsRouteDeps): Router {
  const router = Router();
  const staff = requireRole('office', 'admin');
  const statistics = createStatistics({ prisma });

  async function findCircular(id: string): Promise<CircularRecord> {
    const c = await prisma.circular.findUnique({ where: { id } });
    if (!c) throw notFound('circular');
    return circularJson(c);
  }

  router.get('/statistics', staff, async (req, res) => {
    const q = parseBody(statisticsQuerySchema, req.query, 'query');
    const units = await statistics.unitStatistics({ from: startOfBeijingDay(q.from).toISOString(), to: startOfBeijingDay(q.to).toISOString() });
    res.json({ from: q.from, to: q.to, units });
  });

  router.post('/circulars', staff, async (req, res) => {
    const { period } = parseBody(circularRequestSchema, req.body);
    // A circular covers only a month that has ended (Beijing time).
    if (period >= beijingDateOf(new Date()).slice(0, 7)) throw new HttpError('validation_failed', 'period: the month has not ended yet', [{ path: 'period', message: 'the month has not ended yet' }]);
    // Bounded: with no worker to run it, the clerk gets 503 rather than a request that never ends.
    const { id } = await temporal.connection.withDeadline(Date.now() + (temporalDeadlineMs ?? 60_000), () =>
      temporal.workflow.execute(monthlyCircularWorkflow, {
        workflowId: circularId(period),
        taskQueue,
        args: [{ period }],
        // Two clerks asking at once share one run.
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      }),
    );
    res.status(201).json(await findCircular(id));
  });

  router.get('/circulars', staff, async (_req, res) => {
    const items = await prisma.circular.findMany({ orderBy: { period: 'desc' }, select: { id: true, period: true, generatedAt: true, summonsUnitIds: true } });
    res.json({ items: items.map((c) => ({ id: c.id, period: c.period, generatedAt: c.generatedAt.toISOString(), summonsUnitIds: c.summonsUnitIds })) });
  });

  router.get('/circulars/:id', staff, async (req, res) => {
    res.json(await findCircular(String(req.params.id)));
  });

  router.get('/circulars/:id/spreadsheet', staff, async (req, res) => {
    const c = await findCircular(String(req.params.id));
    res.type('text/csv; charset=utf-8').attachment(`${c.id}.csv`).send(circularCsv(c));
  });

  router.get('/circulars/:id/print', staff, async (req, res) => {
    res.type('html').send(circularPage(await findCircular(String(req.params.id))));
  });

  return router;
}
