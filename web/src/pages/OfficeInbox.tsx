import type { ReactNode } from 'react';
import { listCases, listUnitsOrNone } from '../api';
import { useFormat, useText } from '../i18n';
import type { CaseJson, UnitJson } from '../types';
import { RefreshablePage, useAsync } from '../ui';
import { DaysLeft, LatenessText, latenessOf } from '../components/DeadlineChart';
import { CaseCells, CaseHeadCells } from '../components/CaseTable';
import { Link } from '../router';
import './office.css';

const TEXT = {
  zh: {
    title: '待审核',
    today: '今日概况',
    lateCount: (n: string) => `${n} 件案件已超期`,
    toBoard: '查看超期督办',
    reviewDue: (n: number) => `${n} 件投诉的审核今天到期或已超期`,
    extensionCount: (n: number) => `${n} 件延期申请等待决定`,
    intro: '投诉须在 10 个工作日内作出受理或不予受理的决定。最紧急的排在最前。',
    review: '待审核的投诉',
    reviewEmpty: '没有待审核的投诉。',
    waiting: '等待企业补充材料',
    waitingEmpty: '没有等待补充材料的投诉。',
    extensions: '等待您决定的延期申请',
    extensionsEmpty: '没有待决定的延期申请。',
    caseNumber: '案件编号',
    complainant: '投诉人',
    respondent: '被投诉人',
    overdue: '拖欠金额',
    filedAt: '提交时间',
    countdown: '审核期限',
    requestedAt: '要求补充时间',
    unit: '承办单位',
    days: '申请延长',
    reason: '理由',
    handlingDue: '办理期限',
    noDeadline: '无进行中的期限',
    dayCount: (n: number) => `${n} 天`,
    count: (n: number) => `${n} 件`,
  },
  en: {
    title: 'Review inbox',
    today: 'Today',
    lateCount: (n: string) => `${n} case${n === '1' ? ' is' : 's are'} overdue`,
    toBoard: 'Open the lateness board',
    reviewDue: (n: number) => `${n} review${n === 1 ? ' is' : 's are'} due today or late`,
    extensionCount: (n: number) => `${n} extension request${n === 1 ? '' : 's'} awaiting a decision`,
    intro: 'The office accepts or rejects each complaint within 10 working days. The most urgent come first.',
    review: 'Complaints awaiting review',
    reviewEmpty: 'No complaints await review.',
    waiting: 'Waiting for the enterprise to supply information',
    waitingEmpty: 'No complaints are waiting for information.',
    extensions: 'Extension requests awaiting your decision',
    extensionsEmpty: 'No extension requests await a decision.',
    caseNumber: 'Case number',
    complainant: 'Complainant',
    respondent: 'Respondent',
    overdue: 'Overdue amount',
    filedAt: 'Filed',
    countdown: 'Review deadline',
    requestedAt: 'Information requested',
    unit: 'Handling unit',
    days: 'Days asked for',
    reason: 'Reason',
    handlingDue: 'Handling deadline',
    noDeadline: 'No open deadline',
    dayCount: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    count: (n: number) => `${n}`,
  },
};

type T = (typeof TEXT)['zh'];

/** The review deadline of a case: the open one, or else the last one missed. */
function reviewDeadline(c: CaseJson) {
  const reviews = c.deadlines.filter((d) => d.name === 'review');
  return reviews.find((d) => d.state === 'open') ?? reviews.filter((d) => d.state === 'missed').at(-1);
}

/** Most urgent first: a missed review before any open one, then fewest working days left, then oldest. */
function urgency(c: CaseJson, now: number): number {
  const d = reviewDeadline(c);
  if (!d) return Number.POSITIVE_INFINITY;
  if (d.state === 'open') return d.workingDaysLeft ?? Number.POSITIVE_INFINITY;
  return -1_000_000 - (latenessOf(d, now)?.score ?? 0);
}

function ReviewCountdown({ c, t }: { c: CaseJson; t: T }) {
  const d = reviewDeadline(c);
  if (!d) return <span className="muted">{t.noDeadline}</span>;
  if (d.state === 'open' && d.workingDaysLeft !== undefined) return <DaysLeft n={d.workingDaysLeft} />;
  const late = latenessOf(d, Date.now());
  return late ? <LatenessText l={late} /> : <span className="muted">{t.noDeadline}</span>;
}

export function OfficeInbox() {
  const t = useText(TEXT);
  const state = useAsync(
    () => Promise.all([listCases({ status: 'submitted' }), listCases({ status: 'needs_information' }), listCases({ status: 'handling' }), listUnitsOrNone(), listCases({ overdue: 'true' })]),
    [],
  );

  return (
    <RefreshablePage title={t.title} intro={t.intro} state={state}>
      {(data) => <InboxLists data={data} />}
    </RefreshablePage>
  );
}

function InboxLists({ data: [submitted, waiting, handling, units, overdue] }: { data: [CaseJson[], CaseJson[], CaseJson[], UnitJson[], CaseJson[]] }) {
  const t = useText(TEXT);
  const now = Date.now();
  const review = [...submitted].sort((a, b) => urgency(a, now) - urgency(b, now) || a.createdAt.localeCompare(b.createdAt));
  const extensions = handling.filter((c) => c.pendingExtension !== null).sort((a, b) => handlingLeft(a) - handlingLeft(b));
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : '—');
  const requestedAt = (c: CaseJson) => [...c.timeline].reverse().find((e) => e.what === 'information_requested')?.when ?? null;
  const caseColumns = { caseNumber: t.caseNumber, complainant: t.complainant, respondent: t.respondent };

  // The morning's three questions in one line each: what is late, what is due now, what waits on me.
  const reviewDueNow = review.filter((c) => {
    const d = reviewDeadline(c);
    return d && (d.state === 'missed' || (d.workingDaysLeft ?? 1) <= 0);
  }).length;
  return (
    <>
      <section aria-labelledby="inbox-today" className="card inbox-today">
        <h2 id="inbox-today">{t.today}</h2>
        <ul>
          <li className={overdue.length ? 'late' : undefined}>
            {t.lateCount(overdue.length >= 200 ? '200+' : String(overdue.length))} · <Link to="/late">{t.toBoard}</Link>
          </li>
          <li className={reviewDueNow ? 'soon' : undefined}>{t.reviewDue(reviewDueNow)}</li>
          <li>{t.extensionCount(extensions.length)}</li>
        </ul>
      </section>

      <CaseSection
        id="inbox-review"
        title={t.review}
        count={review.length}
        empty={t.reviewEmpty}
        cases={review}
        extraHead={t.countdown}
        extra={(c) => <ReviewCountdown c={c} t={t} />}
      />

      <CaseSection
        id="inbox-waiting"
        title={t.waiting}
        count={waiting.length}
        empty={t.waitingEmpty}
        cases={waiting}
        extraHead={t.requestedAt}
        extra={(c) => <Format iso={requestedAt(c)} />}
      />

      <section aria-labelledby="inbox-extensions" className="office-section">
        <h2 id="inbox-extensions">
          {t.extensions}
          <span className="count">{t.count(extensions.length)}</span>
        </h2>
        {extensions.length === 0 ? (
          <p className="muted">{t.extensionsEmpty}</p>
        ) : (
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  <CaseHeadCells columns={caseColumns} />
                  <th scope="col">{t.unit}</th>
                  <th scope="col" className="num">
                    {t.days}
                  </th>
                  <th scope="col">{t.reason}</th>
                  <th scope="col">{t.handlingDue}</th>
                </tr>
              </thead>
              <tbody>
                {extensions.map((c) => {
                  const due = c.deadlines.find((d) => d.name === 'handling' && d.state === 'open');
                  return (
                    <tr key={c.id}>
                      <CaseCells c={c} columns={caseColumns} />
                      <td data-label={t.unit}>{unitName(c.unitId)}</td>
                      <td data-label={t.days} className="num">
                        {t.dayCount(c.pendingExtension?.days ?? 0)}
                      </td>
                      <td data-label={t.reason} className="wrap-cell">
                        {c.pendingExtension?.reason}
                      </td>
                      <td data-label={t.handlingDue}>{due?.workingDaysLeft !== undefined ? <DaysLeft n={due.workingDaysLeft} /> : <span className="muted">{t.noDeadline}</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function handlingLeft(c: CaseJson): number {
  return c.deadlines.find((d) => d.name === 'handling' && d.state === 'open')?.workingDaysLeft ?? Number.POSITIVE_INFINITY;
}

function Format({ iso }: { iso: string | null }) {
  const f = useFormat();
  return <>{f.dateTime(iso)}</>;
}

/** One list of cases with the common columns and one column of its own. */
function CaseSection({
  id,
  title,
  count,
  empty,
  cases,
  extraHead,
  extra,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  cases: CaseJson[];
  extraHead: string;
  extra: (c: CaseJson) => ReactNode;
}) {
  const t = useText(TEXT);
  const f = useFormat();
  const withAmount = { caseNumber: t.caseNumber, complainant: t.complainant, respondent: t.respondent, overdue: t.overdue };
  return (
    <section aria-labelledby={id} className="office-section">
      <h2 id={id}>
        {title}
        <span className="count">{t.count(count)}</span>
      </h2>
      {cases.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <CaseHeadCells columns={withAmount} />
                <th scope="col">{t.filedAt}</th>
                <th scope="col">{extraHead}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <CaseCells c={c} columns={withAmount} />
                  <td data-label={t.filedAt}>{f.dateTime(c.createdAt)}</td>
                  <td data-label={extraHead}>{extra(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
