import { useCallback, useState, type FormEvent } from 'react';
import { api, apiBlobUrl, ApiError } from '../api';
import { useFormat, useLang, useText, type Lang } from '../i18n';
import { Link, navigate, useRoute } from '../router';
import { ErrorBox, Loading, Page, Select, useAsync, useCommand } from '../ui';
import type { UnitStatistics } from '@domain/statistics';
import { SummonsList, UnitStatisticsTable } from './Statistics';
import './admin.css';

interface CircularSummary {
  id: string;
  period: string;
  generatedAt: string;
  summonsUnitIds: string[];
}

interface CircularJson extends CircularSummary {
  from: string;
  to: string;
  rows: UnitStatistics[];
}

const TEXT = {
  zh: {
    title: '月度通报',
    schedule:
      '每月 1 日北京时间 08:00，系统的 Temporal 定时任务（Schedule）自动生成上一个月的通报，无需手动操作。也可以在下面为任一已结束的月份立即生成；同一月份再次生成时，按当前数据重新计算并替换原有通报。',
    produceTitle: '立即生成',
    month: '通报月份',
    produce: '生成通报',
    producing: '正在生成通报，请稍候…',
    produced: (m: string) => `已生成${m}通报。`,
    listTitle: '已生成的通报',
    listCaption: '已生成的通报（按月份倒序）',
    period: '月份',
    generatedAt: '生成时间',
    summonsCount: '约谈单位数',
    none: '还没有通报。每月 1 日会自动生成，也可以在上面立即生成。',
    circularTitle: (m: string) => `${m}通报`,
    covers: (from: string, to: string, at: string) => `统计期间：${from} 至 ${to}（北京时间）；生成时间：${at}。`,
    spreadsheet: '下载表格（CSV）',
    print: '打开打印版',
    preparing: '正在准备文件…',
    popupBlocked: '浏览器拦截了新窗口，请点击此链接打开打印版',
    caption: (m: string) => `${m}通报：各单位办理情况`,
    summonsTitle: '约谈单位',
    summonsNone: '本期无约谈单位。',
    fileName: (m: string) => `防城港市${m}保障中小企业款项支付投诉办理情况通报.csv`,
  },
  en: {
    title: 'Monthly circular',
    schedule:
      "A Temporal Schedule produces the circular for the month just ended automatically at 08:00 Beijing time on the 1st of each month; nobody needs to do anything. You can also produce one now for any month that has ended; producing a month again recomputes it from today's data and replaces the stored circular.",
    produceTitle: 'Produce now',
    month: 'Month',
    produce: 'Produce circular',
    producing: 'Producing the circular, please wait…',
    produced: (m: string) => `The circular for ${m} is ready.`,
    listTitle: 'Circulars produced',
    listCaption: 'Circulars produced (latest month first)',
    period: 'Month',
    generatedAt: 'Produced',
    summonsCount: 'Units summoned',
    none: 'No circulars yet. One is produced on the 1st of each month, or produce one above.',
    circularTitle: (m: string) => `Circular for ${m}`,
    covers: (from: string, to: string, at: string) => `Period ${from} to ${to} (Beijing time); produced ${at}.`,
    spreadsheet: 'Download spreadsheet (CSV)',
    print: 'Open printable page',
    preparing: 'Preparing the file…',
    popupBlocked: 'The browser blocked the new tab; follow this link to open the printable page',
    caption: (m: string) => `Circular for ${m}: performance by unit`,
    summonsTitle: 'Units called to a summons',
    summonsNone: 'No unit is called to a summons this month.',
    fileName: (m: string) => `Fangchenggang SME payment complaints circular ${m}.csv`,
  },
};

/** '2026-11' as the reader says it: 2026年11月 / November 2026. */
export function monthName(period: string, lang: Lang): string {
  const [year = '', month = ''] = period.split('-');
  if (lang === 'zh') return `${year}年${Number(month)}月`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
}

/** The months that have ended (Beijing time), latest first. */
function endedMonths(count: number): string[] {
  const beijing = new Date(Date.now() + 8 * 3_600_000);
  const months: string[] = [];
  for (let back = 1; back <= count; back++) {
    const d = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - back, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}

export function Circulars() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const f = useFormat();
  const { params } = useRoute();
  const [version, setVersion] = useState(0);
  const list = useAsync(() => api<{ items: CircularSummary[] }>('GET', '/circulars'), [version]);
  const selectedId = params.get('id') ?? list.data?.items[0]?.id ?? null;

  const months = endedMonths(36);
  const [period, setPeriod] = useState(months[0] ?? '');
  const [produced, setProduced] = useState<string | null>(null);
  const produce = useCommand(
    useCallback(async (month: string) => {
      setProduced(null);
      const c = await api<CircularJson>('POST', '/circulars', { period: month });
      setProduced(c.period);
      setVersion((v) => v + 1);
      navigate(`/circulars?id=${encodeURIComponent(c.id)}`);
    }, []),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    void produce.send(period);
  }

  const produceError = produce.error instanceof ApiError ? produce.error : null;

  return (
    <Page title={t.title}>
      <p className="schedule-note">{t.schedule}</p>

      <form className="card add-card narrow" onSubmit={submit} noValidate aria-labelledby="produce-title">
        <h2 id="produce-title">{t.produceTitle}</h2>
        <Select
          label={t.month}
          value={period}
          error={produceError?.issueFor('period')}
          options={months.map((m) => ({ value: m, label: monthName(m, lang) }))}
          onChange={(e) => setPeriod(e.target.value)}
        />
        <ErrorBox error={produce.error} />
        <button type="submit" className="primary" disabled={produce.busy}>
          {t.produce}
        </button>
        <div role="status" className="status-line">
          {produce.busy && <p className="muted">{t.producing}</p>}
          {produced && !produce.busy && <p className="notice">{t.produced(monthName(produced, lang))}</p>}
        </div>
      </form>

      <h2>{t.listTitle}</h2>
      {list.loading && !list.data && <Loading />}
      <ErrorBox error={list.error} />
      {list.data && list.data.items.length === 0 && <p className="empty-note">{t.none}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack admin-table">
            <caption>{t.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.period}</th>
                <th scope="col">{t.generatedAt}</th>
                <th scope="col" className="num">
                  {t.summonsCount}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id} className={c.id === selectedId ? 'current-row' : undefined}>
                  <th scope="row">
                    <Link to={`/circulars?id=${encodeURIComponent(c.id)}`} aria-current={c.id === selectedId ? 'true' : undefined}>
                      {t.circularTitle(monthName(c.period, lang))}
                    </Link>
                  </th>
                  <td data-label={t.generatedAt}>{f.dateTime(c.generatedAt)}</td>
                  <td className="num" data-label={t.summonsCount}>
                    {f.number(c.summonsUnitIds.length)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {selectedId && <CircularDetail key={`${selectedId}:${version}`} id={selectedId} />}
    </Page>
  );
}

function CircularDetail({ id }: { id: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const f = useFormat();
  const { data, error, loading } = useAsync(() => api<CircularJson>('GET', `/circulars/${encodeURIComponent(id)}`), [id]);
  const [printUrl, setPrintUrl] = useState<string | null>(null);

  const spreadsheet = useCommand(
    useCallback(async (c: CircularJson) => {
      const url = await apiBlobUrl(`/circulars/${encodeURIComponent(c.id)}/spreadsheet`);
      const a = document.createElement('a');
      a.href = url;
      a.download = TEXT[lang].fileName(monthName(c.period, lang));
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }, [lang]),
  );
  const print = useCommand(
    useCallback(async (c: CircularJson) => {
      setPrintUrl(null);
      const url = await apiBlobUrl(`/circulars/${encodeURIComponent(c.id)}/print`);
      // Opened after the fetch, a new tab may be blocked; the link below then does the same by a click.
      if (!window.open(url, '_blank')) setPrintUrl(url);
    }, []),
  );

  if (loading) return <Loading />;
  if (error !== undefined) return <ErrorBox error={error} />;
  if (!data) return null;
  const month = monthName(data.period, lang);
  const lastDay = new Date(Date.parse(data.to) - 1).toISOString();
  return (
    <section aria-labelledby="circular-title">
      <h2 id="circular-title">{t.circularTitle(month)}</h2>
      <p>{t.covers(f.date(data.from), f.date(lastDay), f.dateTime(data.generatedAt))}</p>
      <div className="download-bar">
        <button type="button" className="primary" disabled={spreadsheet.busy} onClick={() => void spreadsheet.send(data)}>
          {t.spreadsheet}
        </button>
        <button type="button" disabled={print.busy} onClick={() => void print.send(data)}>
          {t.print}
        </button>
        <span role="status" className="muted">
          {spreadsheet.busy || print.busy ? t.preparing : ''}
        </span>
      </div>
      {printUrl && (
        <p>
          <a href={printUrl} target="_blank" rel="noopener">
            {t.popupBlocked}
          </a>
        </p>
      )}
      <ErrorBox error={spreadsheet.error ?? print.error} />
      <UnitStatisticsTable rows={data.rows} caption={t.caption(month)} />
      <h3>{t.summonsTitle}</h3>
      <SummonsList rows={data.rows} none={t.summonsNone} />
    </section>
  );
}
