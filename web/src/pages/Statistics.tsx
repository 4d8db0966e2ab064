import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, query } from '../api';
import { useFormat, useLang, useText } from '../i18n';
import { ESCALATION_LABEL } from '../labels';
import { navigate, useRoute } from '../router';
import { ErrorBox, Loading, Page, TextInput, useAsync } from '../ui';
import { BarChart } from '../components/BarChart';
import { SUMMONS_MIN_RECEIVED, SUMMONS_OVERDUE_PERCENT, type SummonsReason, type UnitStatistics } from '@domain/statistics';
import './admin.css';

interface StatisticsJson {
  from: string;
  to: string;
  units: UnitStatistics[];
}

const TEXT = {
  zh: {
    title: '办理情况统计',
    intro: '按承办单位统计任一期间的收件、按时签收、按时办结、逾期、升级督办和满意度情况。日期按北京时间计算，起止日期均包含在内。',
    period: '统计期间',
    from: '开始日期',
    to: '结束日期（含当日）',
    required: '请选择日期',
    show: '查询',
    quick: '快速选择',
    thisMonth: '本月',
    lastMonth: '上月',
    thisYear: '今年',
    showing: (from: string, to: string, n: number) => `统计期间：${from} 至 ${to}，共 ${n} 个承办单位。`,
    charts: '图表',
    volumeChart: '收件、按时办结与逾期件数',
    rateChart: '按时办结率',
    rateNote: '按时办结率 = 按时办结 ÷（按时办结 + 逾期件数）；期间内没有到期事项的单位不计算，图中不列出，表中显示“—”。',
    volumeLeftOut: (n: number) => `另有 ${n} 个单位三项均为 0，图中未列出，见下表。`,
    chartEmpty: '本期间没有数据',
    noValue: '—',
    tableTitle: '明细表',
    caption: '各单位办理情况',
    summonsTitle: '达到约谈条件的单位',
    summonsNone: '本期间没有单位达到约谈条件。',
    summonsRule: `约谈条件：有案件升级至约谈、通报（三级），或收件 ${SUMMONS_MIN_RECEIVED} 件以上且逾期件数占收件数 ${SUMMONS_OVERDUE_PERCENT}% 以上。`,
  },
  en: {
    title: 'Statistics',
    intro: 'Each handling unit over any period: cases received, signed and handled on time, overdue, escalated, and satisfaction. Dates are Beijing dates; both the first and the last day are included.',
    period: 'Period',
    from: 'From',
    to: 'To (included)',
    required: 'Choose a date',
    show: 'Show',
    quick: 'Quick choice',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    thisYear: 'This year',
    showing: (from: string, to: string, n: number) => `Period ${from} to ${to}; ${n} handling units.`,
    charts: 'Charts',
    volumeChart: 'Received, handled on time and overdue',
    rateChart: 'Handled-on-time rate',
    rateNote: 'Rate = handled on time ÷ (handled on time + overdue). Units with nothing due in the period have no rate: they are left out here and shown as “—” in the table.',
    volumeLeftOut: (n: number) => (n === 1 ? '1 more unit has 0 in all three and is left out; see the table.' : `${n} more units have 0 in all three and are left out; see the table.`),
    chartEmpty: 'No data for this period',
    noValue: '—',
    tableTitle: 'Table',
    caption: 'Performance by unit',
    summonsTitle: 'Units that meet the summons rule',
    summonsNone: 'No unit meets the summons rule in this period.',
    summonsRule: `Summons rule: a case reached level 3 (summons and circular), or the unit received at least ${SUMMONS_MIN_RECEIVED} cases and ${SUMMONS_OVERDUE_PERCENT}% or more of them are overdue.`,
  },
};

const TABLE_TEXT = {
  zh: {
    unit: '承办单位',
    received: '收件数',
    signedOnTime: '按时签收',
    handledOnTime: '按时办结',
    overdue: '逾期件数',
    onTimeRate: '按时办结率',
    level: (n: number) => `（${['', '一', '二', '三'][n] ?? n}级）`,
    averageDays: '平均办理天数',
    escalationGroup: '升级至（件）',
    feedbackGroup: '企业评价',
    satisfied: '满意 / 评价',
    satisfiedFull: '满意 / 评价件数',
    silent: '逾期未评价',
    satisfactionRate: '满意率',
    satisfactionShort: '满意率',
    summons: '约谈',
    yes: '约谈',
    no: '否',
    empty: '没有承办单位。',
  },
  en: {
    unit: 'Handling unit',
    received: 'Received',
    signedOnTime: 'Signed on time',
    handledOnTime: 'Handled on time',
    overdue: 'Overdue',
    onTimeRate: 'On-time rate',
    level: (n: number) => ` (level ${n})`,
    averageDays: 'Average handling days',
    escalationGroup: 'Escalated to (cases)',
    feedbackGroup: 'Feedback',
    satisfied: 'Satisfied / answered',
    satisfiedFull: 'Satisfied / answered',
    silent: 'No answer in time',
    satisfactionRate: 'Satisfaction rate',
    satisfactionShort: 'Rate',
    summons: 'Summons',
    yes: 'Yes',
    no: 'No',
    empty: 'No handling units.',
  },
};

export const SUMMONS_REASON_LABEL = {
  zh: {
    level3_reached: '有案件升级至约谈、通报（三级）',
    overdue_share: `逾期件数占收件数 ${SUMMONS_OVERDUE_PERCENT}% 以上（收件 ${SUMMONS_MIN_RECEIVED} 件以上）`,
  } satisfies Record<SummonsReason, string>,
  en: {
    level3_reached: 'A case reached level 3 (summons and circular)',
    overdue_share: `Overdue cases are ${SUMMONS_OVERDUE_PERCENT}% or more of those received (at least ${SUMMONS_MIN_RECEIVED} received)`,
  } satisfies Record<SummonsReason, string>,
};

const DAY_MS = 86_400_000;
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The first day of the month `months` after the one `date` falls in. */
function monthStart(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

type QuickChoice = 'thisMonth' | 'lastMonth' | 'thisYear';
const QUICK_CHOICES: QuickChoice[] = ['thisMonth', 'lastMonth', 'thisYear'];

/** A quick choice as an inclusive range of Beijing dates. */
function quickPeriod(choice: QuickChoice, today: string): { from: string; to: string } {
  switch (choice) {
    case 'thisMonth':
      return { from: monthStart(today, 0), to: addDays(monthStart(today, 1), -1) };
    case 'lastMonth':
      return { from: monthStart(today, -1), to: addDays(monthStart(today, 0), -1) };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  }
}

/** Handled on time as a share of what fell due (met or missed); null when nothing did. */
export function onTimeRate(row: UnitStatistics): number | null {
  const due = row.handledOnTime + row.overdue;
  return due ? (row.handledOnTime * 100) / due : null;
}

export function Statistics() {
  const t = useText(TEXT);
  const f = useFormat();
  const { params } = useRoute();
  const today = beijingToday();
  const fallback = quickPeriod('thisMonth', today);
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;

  const [draft, setDraft] = useState({ from, to });
  const [missing, setMissing] = useState<{ from?: boolean; to?: boolean }>({});
  useEffect(() => setDraft({ from, to }), [from, to]);

  // The API's period ends before `to`; the page shows the last day included.
  const { data, error, loading } = useAsync(
    () => api<StatisticsJson>('GET', `/statistics${query({ from, to: isDate(to) ? addDays(to, 1) : to })}`),
    [from, to],
  );

  const show = (period: { from: string; to: string }) => navigate(`/stats${query(period)}`);
  function submit(e: FormEvent) {
    e.preventDefault();
    const gaps = { from: !draft.from, to: !draft.to };
    setMissing(gaps);
    if (gaps.from || gaps.to) return;
    show(draft);
  }

  const apiError = error instanceof ApiError ? error : null;
  const fromError = missing.from ? t.required : apiError?.issueFor('query.from');
  const toError = missing.to ? t.required : apiError?.issueFor('query.to');

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <form className="card" onSubmit={submit} noValidate aria-label={t.period}>
        <div className="period-form">
          <TextInput label={t.from} type="date" value={draft.from} error={fromError} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <TextInput label={t.to} type="date" value={draft.to} error={toError} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          <div className="actions">
            <button type="submit" className="primary">
              {t.show}
            </button>
          </div>
        </div>
        <fieldset className="quick-choices">
          <legend>{t.quick}</legend>
          {QUICK_CHOICES.map((choice) => {
            const period = quickPeriod(choice, today);
            return (
              <button key={choice} type="button" aria-pressed={period.from === from && period.to === to} onClick={() => show(period)}>
                {t[choice]}
              </button>
            );
          })}
        </fieldset>
      </form>

      {loading && <Loading />}
      {!loading && error !== undefined && <ErrorBox error={error} />}
      {!loading && data && (
        <>
          <p className="period-line" role="status">
            {t.showing(f.date(from), f.date(to), data.units.length)}
          </p>
          <h2>{t.charts}</h2>
          <StatisticsCharts rows={data.units} />
          <h2>{t.tableTitle}</h2>
          <UnitStatisticsTable rows={data.units} caption={t.caption} />
          <h2>{t.summonsTitle}</h2>
          <SummonsList rows={data.units} none={t.summonsNone} />
          <p className="hint">{t.summonsRule}</p>
        </>
      )}
    </Page>
  );
}

/** Units with nothing to show are left out of the charts (the table lists every unit). */
function StatisticsCharts({ rows }: { rows: UnitStatistics[] }) {
  const t = useText(TEXT);
  const c = useText(TABLE_TEXT);
  const f = useFormat();
  const active = rows.filter((r) => r.received + r.handledOnTime + r.overdue > 0);
  const rated = rows.filter((r) => onTimeRate(r) !== null);
  return (
    <div className="chart-grid">
      <BarChart
        title={t.volumeChart}
        series={[
          { key: 'received', label: c.received, tone: 'blue' },
          { key: 'handledOnTime', label: c.handledOnTime, tone: 'green' },
          { key: 'overdue', label: c.overdue, tone: 'red' },
        ]}
        groups={active.map((r) => ({ key: r.unitId, label: r.unitName, values: [r.received, r.handledOnTime, r.overdue] }))}
        format={(v) => f.number(v)}
        noValue={t.noValue}
        empty={t.chartEmpty}
        note={rows.length > active.length ? t.volumeLeftOut(rows.length - active.length) : undefined}
      />
      <BarChart
        title={t.rateChart}
        series={[{ key: 'rate', label: c.onTimeRate, tone: 'green' }]}
        groups={rated.map((r) => ({ key: r.unitId, label: r.unitName, values: [onTimeRate(r)] }))}
        format={(v) => `${f.number(v, 1)}%`}
        noValue={t.noValue}
        empty={t.chartEmpty}
        max={100}
        note={t.rateNote}
      />
    </div>
  );
}

interface Column {
  /** The header over the column; `full` names it alone (a phone's stacked card, where no group header shows). */
  label: string;
  full: string;
  group?: 'escalation' | 'feedback';
  cell: (r: UnitStatistics) => string;
}

/** The per-unit table; the circular page shows the same columns for its stored rows. */
export function UnitStatisticsTable({ rows, caption }: { rows: UnitStatistics[]; caption: string }) {
  const captionId = useId();
  const c = useText(TABLE_TEXT);
  const esc = useText(ESCALATION_LABEL);
  const f = useFormat();
  const percent = (v: number | string | null) => (v === null ? '—' : `${f.number(Number(v), 1)}%`);
  const plain = (label: string, cell: Column['cell']): Column => ({ label, full: label, cell });
  const escalation = (level: 1 | 2 | 3, cell: Column['cell']): Column => {
    const name = esc[level] ?? String(level);
    return { label: name, full: name + c.level(level), group: 'escalation', cell };
  };
  const columns: Column[] = [
    plain(c.received, (r) => f.number(r.received)),
    plain(c.signedOnTime, (r) => f.number(r.signedOnTime)),
    plain(c.handledOnTime, (r) => f.number(r.handledOnTime)),
    plain(c.overdue, (r) => f.number(r.overdue)),
    plain(c.onTimeRate, (r) => percent(onTimeRate(r))),
    escalation(1, (r) => f.number(r.escalation.level1)),
    escalation(2, (r) => f.number(r.escalation.level2)),
    escalation(3, (r) => f.number(r.escalation.level3)),
    plain(c.averageDays, (r) => (r.averageHandlingDays === null ? '—' : f.number(Number(r.averageHandlingDays), 1))),
    { label: c.satisfied, full: c.satisfiedFull, group: 'feedback', cell: (r) => `${f.number(r.feedback.satisfied)} / ${f.number(r.feedback.given)}` },
    { label: c.silent, full: c.silent, group: 'feedback', cell: (r) => f.number(r.feedback.silent) },
    { label: c.satisfactionShort, full: c.satisfactionRate, group: 'feedback', cell: (r) => percent(r.satisfactionRate) },
  ];
  const groupLabel = { escalation: c.escalationGroup, feedback: c.feedbackGroup };
  // Header row 1: ungrouped columns span both rows; a group's columns share one header.
  const top: { key: string; label: string; span: number; group?: Column['group'] }[] = [];
  for (const col of columns) {
    const last = top[top.length - 1];
    if (col.group && last?.group === col.group) last.span += 1;
    else top.push({ key: col.group ?? col.label, label: col.group ? groupLabel[col.group] : col.label, span: 1, group: col.group });
  }
  const isGroupStart = (i: number) => Boolean(columns[i]?.group) && columns[i - 1]?.group !== columns[i]?.group;
  return (
    // Wider than a narrow window: the scrolling box takes focus so a keyboard can scroll it.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="stack admin-table stats-table">
        <caption id={captionId}>{caption}</caption>
        <colgroup span={1} />
        {top.map((h) => (
          <colgroup key={h.key} span={h.span} />
        ))}
        <colgroup span={1} />
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {c.unit}
            </th>
            {top.map((h) =>
              h.group ? (
                <th key={h.key} scope="colgroup" colSpan={h.span} className="group-start">
                  {h.label}
                </th>
              ) : (
                <th key={h.key} scope="col" rowSpan={2} className="num">
                  {h.label}
                </th>
              ),
            )}
            <th scope="col" rowSpan={2}>
              {c.summons}
            </th>
          </tr>
          <tr>
            {columns.map((col, i) =>
              col.group ? (
                <th key={col.label} scope="col" className={`num${isGroupStart(i) ? ' group-start' : ''}`}>
                  {col.label}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const summoned = r.summonsReasons.length > 0;
            return (
              <tr key={r.unitId} className={summoned ? 'summoned' : undefined}>
                <th scope="row">{r.unitName}</th>
                {columns.map((col, i) => (
                  <td key={col.label} className={`num${isGroupStart(i) ? ' group-start' : ''}`} data-label={col.full}>
                    {col.cell(r)}
                  </td>
                ))}
                <td data-label={c.summons} className="nowrap">
                  {summoned ? (
                    <span className="summons-flag">
                      <span aria-hidden="true">⚠ </span>
                      {c.yes}
                    </span>
                  ) : (
                    c.no
                  )}
                </td>
              </tr>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 2}>{c.empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The units called to a summons (约谈), each with why. */
export function SummonsList({ rows, none }: { rows: UnitStatistics[]; none: string }) {
  const reasons = useText(SUMMONS_REASON_LABEL);
  const { lang } = useLang();
  const [colon, semicolon] = lang === 'zh' ? ['：', '；'] : [': ', '; '];
  const summoned = rows.filter((r) => r.summonsReasons.length > 0);
  if (summoned.length === 0) return <p>{none}</p>;
  return (
    <ul className="plain-list">
      {summoned.map((r) => (
        <li key={r.unitId}>
          <strong>{r.unitName}</strong>
          {colon}
          {r.summonsReasons.map((why) => reasons[why]).join(semicolon)}
        </li>
      ))}
    </ul>
  );
}
