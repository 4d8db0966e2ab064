import { listCases } from '../api';
import { useFormat, useText } from '../i18n';
import { Link } from '../router';
import { ErrorBox, Loading, Page, StatusBadge, useAsync } from '../ui';
import { useExplainCase } from '../explain';
import './parties.css';

const TEXT = {
  zh: {
    title: '我的投诉',
    file: '我要投诉',
    intro: '这里列出贵企业提交的全部投诉，以及每件投诉下一步由谁做什么。',
    caption: '我的投诉（按提交时间，最新在前）',
    caseNumber: '案件编号',
    filedOn: '提交日期',
    respondent: '被投诉方',
    overdue: '逾期未付金额',
    status: '状态',
    next: '下一步',
    yourTurn: '需要您处理',
    none: '贵企业还没有提交投诉。',
    fileFirst: '提交第一件投诉',
  },
  en: {
    title: 'My complaints',
    file: 'File a complaint',
    intro: 'Every complaint your enterprise has filed, and who does what next on each.',
    caption: 'My complaints (newest first)',
    caseNumber: 'Case number',
    filedOn: 'Filed on',
    respondent: 'Respondent',
    overdue: 'Overdue amount',
    status: 'Status',
    next: 'What happens next',
    yourTurn: 'Your turn',
    none: 'Your enterprise has not filed any complaint yet.',
    fileFirst: 'File your first complaint',
  },
};

export function MyCases() {
  const t = useText(TEXT);
  const fmt = useFormat();
  const explain = useExplainCase();
  const { data, error, loading } = useAsync(() => listCases(), []);

  return (
    <Page
      title={t.title}
      actions={
        <Link to="/file" className="button primary">
          {t.file}
        </Link>
      }
    >
      <p className="pt-lede">{t.intro}</p>
      <ErrorBox error={error} />
      {loading && !data && <Loading />}
      {data && data.length === 0 && (
        <div className="card pt-empty">
          <p>{t.none}</p>
          <p>
            <Link to="/file">{t.fileFirst}</Link>
          </p>
        </div>
      )}
      {data && data.length > 0 && (
        <div className="table-wrap">
          <table className="stack pt-cases-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.caseNumber}</th>
                <th scope="col">{t.respondent}</th>
                <th scope="col" className="num">
                  {t.overdue}
                </th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.next}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => {
                const e = explain(c);
                return (
                  <tr key={c.id} className={e.yourTurn ? 'pt-your-turn' : undefined}>
                    <td data-label={t.caseNumber}>
                      <span className="pt-cell-stack">
                        <Link to={`/cases/${c.id}`} className="pt-case-link">
                          {c.caseNumber}
                        </Link>
                        <span className="muted pt-small">
                          {t.filedOn} {fmt.date(c.createdAt)}
                        </span>
                      </span>
                    </td>
                    <td data-label={t.respondent}>
                      <span className="pt-cell-stack">
                        <span>{c.respondent.name}</span>
                        <span className="muted pt-small">{c.contract.title}</span>
                      </span>
                    </td>
                    <td data-label={t.overdue} className="num">
                      {fmt.yuan(c.contract.overdueAmount)}
                    </td>
                    <td data-label={t.status}>
                      <span className="pt-cell-stack">
                        <StatusBadge status={c.status} />
                        {e.yourTurn && <span className="pt-your-turn-tag">{t.yourTurn}</span>}
                      </span>
                    </td>
                    <td data-label={t.next} className="pt-explain-cell">
                      <span className="pt-cell-stack">
                        <span>{e.now}</span>
                        <span className={e.yourTurn ? 'pt-next-step pt-strong' : 'pt-next-step muted'}>{e.next}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
