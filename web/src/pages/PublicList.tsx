import { api } from '../api';
import { useFormat, useText } from '../i18n';
import { RESPONDENT_TYPE_LABEL } from '../labels';
import { ErrorBox, Loading, Page, useAsync } from '../ui';
import type { RespondentType } from '@domain/case-status';
import './admin.css';

interface DishonestPayer {
  respondentName: string;
  creditCode: string | null;
  respondentType: RespondentType;
  listedSince: string;
  caseNumber: string;
}

const TEXT = {
  zh: {
    title: '拖欠中小企业款项失信名单',
    intro:
      '根据《保障中小企业款项支付条例》，机关、事业单位和大型企业拒不履行付款义务、情节严重的，由市领导小组办公室认定后纳入失信记录，并依法实施联合惩戒。下表列出目前仍在公示期内的被投诉方。',
    repair: '被投诉方全额付款并满最短公示期后，予以信用修复，并从本名单移除。',
    caption: '目前公示的失信被投诉方',
    name: '名称',
    creditCode: '统一社会信用代码',
    type: '类型',
    listedSince: '列入日期',
    caseNumber: '投诉案件编号',
    noCode: '未提供',
    empty: '目前没有公示中的失信被投诉方。',
    count: (n: number) => `共 ${n} 家。`,
  },
  en: {
    title: 'Public list of dishonest payers',
    intro:
      'Under the Regulations on Ensuring Payments to SMEs, a government body, public institution or large enterprise that refuses to pay in a serious case is recorded as dishonest by the city office and faces joint sanctions. The table lists the respondents whose publicity period is running now.',
    repair: 'Once a respondent has paid in full and the minimum publicity period has passed, its credit is repaired and it leaves this list.',
    caption: 'Respondents currently listed as dishonest payers',
    name: 'Name',
    creditCode: 'Unified social credit code',
    type: 'Type',
    listedSince: 'Listed since',
    caseNumber: 'Complaint case number',
    noCode: 'Not given',
    empty: 'No respondent is listed at present.',
    count: (n: number) => (n === 1 ? '1 respondent.' : `${n} respondents.`),
  },
};

export function PublicList() {
  const t = useText(TEXT);
  const f = useFormat();
  const types = useText(RESPONDENT_TYPE_LABEL);
  const { data, error, loading } = useAsync(() => api<{ items: DishonestPayer[] }>('GET', '/public/dishonest-payers'), []);

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <p className="hint">{t.repair}</p>
      {loading && !data && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <p className="empty-note">{t.empty}</p>}
      {data && data.items.length > 0 && (
        <>
          <p>{t.count(data.items.length)}</p>
          <div className="table-wrap">
            <table className="stack admin-table">
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.creditCode}</th>
                  <th scope="col">{t.type}</th>
                  <th scope="col">{t.listedSince}</th>
                  <th scope="col">{t.caseNumber}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={`${p.caseNumber}:${p.respondentName}`}>
                    <th scope="row">{p.respondentName}</th>
                    <td data-label={t.creditCode}>{p.creditCode ? <span className="code">{p.creditCode}</span> : <span className="muted">{t.noCode}</span>}</td>
                    <td data-label={t.type}>{types[p.respondentType] ?? p.respondentType}</td>
                    <td data-label={t.listedSince}>{f.date(p.listedSince)}</td>
                    <td data-label={t.caseNumber}>
                      <span className="code">{p.caseNumber}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
