import { listCases } from '../api';
import { useFormat, useText } from '../i18n';
import { DEADLINE_LABEL, ESCALATION_LABEL } from '../labels';
import type { CaseJson } from '../types';
import { ErrorBox, Loading, Page, StatusBadge, useAsync } from '../ui';
import { isOpenCase, pendingDeadline, useCountdown, type PendingDeadline } from '../explain';
import { CaseCells, CaseHeadCells } from '../components/CaseTable';
import './parties.css';

const TEXT = {
  zh: {
    title: '本单位案件',
    intro: '未办结的案件排在前面，按最近的期限排序；超期的标为红色。',
    open: '待办案件',
    openCaption: '待办案件（最紧迫的在前）',
    finished: '已结束的案件',
    finishedCaption: '已结束的案件（最新在前）',
    caseNumber: '案件编号',
    complainant: '投诉企业',
    respondent: '被投诉方',
    overdue: '逾期未付金额',
    status: '状态',
    deadline: '下一个期限',
    closedOn: '结束日期',
    noDeadline: '无进行中的期限',
    escalation: '督办级别：',
    dueLine: (name: string, date: string) => `${name}期限 ${date}`,
    noOpen: '目前没有待办案件。',
    noFinished: '还没有已结束的案件。',
  },
  en: {
    title: 'Our cases',
    intro: 'Open cases come first, the soonest deadline at the top; late ones are marked in red.',
    open: 'Open cases',
    openCaption: 'Open cases (most urgent first)',
    finished: 'Finished cases',
    finishedCaption: 'Finished cases (newest first)',
    caseNumber: 'Case number',
    complainant: 'Complainant',
    respondent: 'Respondent',
    overdue: 'Overdue amount',
    status: 'Status',
    deadline: 'Next deadline',
    closedOn: 'Finished on',
    noDeadline: 'No open deadline',
    escalation: 'Escalation: ',
    dueLine: (name: string, date: string) => `${name} due ${date}`,
    noOpen: 'No open cases at the moment.',
    noFinished: 'No finished cases yet.',
  },
};

/**
 * Most urgent first: a missed deadline nobody has met yet, then the open ones by working days left
 * (negative = late); a case waiting on no deadline of its own comes last.
 */
function urgency(p: PendingDeadline | undefined): number {
  if (!p) return Number.MAX_SAFE_INTEGER;
  return p.workingDaysLeft ?? (p.late ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER - 1);
}

function byUrgency(a: CaseJson, b: CaseJson): number {
  const pa = pendingDeadline(a);
  const pb = pendingDeadline(b);
  return urgency(pa) - urgency(pb) || (pa?.deadline.dueAt ?? '').localeCompare(pb?.deadline.dueAt ?? '') || a.createdAt.localeCompare(b.createdAt);
}

export function UnitCases() {
  const t = useText(TEXT);
  const { data, error, loading } = useAsync(() => listCases(), []);
  const open = (data ?? []).filter(isOpenCase).sort(byUrgency);
  const finished = (data ?? []).filter((c) => !isOpenCase(c)).sort((a, b) => (b.closedAt ?? b.updatedAt).localeCompare(a.closedAt ?? a.updatedAt));

  return (
    <Page title={t.title}>
      <p className="pt-lede">{t.intro}</p>
      <ErrorBox error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <h2>{t.open}</h2>
          {open.length === 0 ? <p className="card pt-empty">{t.noOpen}</p> : <CaseTable cases={open} caption={t.openCaption} open />}
          <h2>{t.finished}</h2>
          {finished.length === 0 ? <p className="card pt-empty">{t.noFinished}</p> : <CaseTable cases={finished} caption={t.finishedCaption} open={false} />}
        </>
      )}
    </Page>
  );
}

function CaseTable({ cases, caption, open }: { cases: CaseJson[]; caption: string; open: boolean }) {
  const t = useText(TEXT);
  const fmt = useFormat();
  const deadlineNames = useText(DEADLINE_LABEL);
  const escalation = useText(ESCALATION_LABEL);
  const countdown = useCountdown();
  const lastHeader = open ? t.deadline : t.closedOn;
  return (
    <div className="table-wrap">
      <table className="stack pt-cases-table">
        <caption className="pt-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <CaseHeadCells columns={t} />
            <th scope="col">{t.status}</th>
            <th scope="col">{lastHeader}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const pending = open ? pendingDeadline(c) : undefined;
            const d = pending?.deadline;
            const cd = pending ? countdown(pending.workingDaysLeft) : undefined;
            return (
              <tr key={c.id}>
                <CaseCells c={c} columns={t} linkClass="pt-case-link" />
                <td data-label={t.status}>
                  <span className="pt-cell-stack">
                    <StatusBadge status={c.status} />
                    {c.escalationLevel > 0 && (
                      <span className="pt-escalation pt-small">
                        {t.escalation}
                        {escalation[c.escalationLevel] ?? c.escalationLevel}
                      </span>
                    )}
                  </span>
                </td>
                <td data-label={lastHeader}>
                  {open ? (
                    d ? (
                      <span className="pt-cell-stack">
                        <span>{t.dueLine(deadlineNames[d.name], fmt.date(d.dueAt))}</span>
                        {cd && <span className={cd.className || undefined}>{cd.text}</span>}
                      </span>
                    ) : (
                      <span className="muted">{t.noDeadline}</span>
                    )
                  ) : (
                    fmt.date(c.closedAt ?? c.updatedAt)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
