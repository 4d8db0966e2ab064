import type { ReactNode } from 'react';
import { api } from '../api';
import { useFormat, useLang, useText } from '../i18n';
import { ESCALATION_LABEL, OUTCOME_LABEL, RESPONDENT_TYPE_LABEL, SIZE_LABEL } from '../labels';
import { Link } from '../router';
import { isStaff, useMe } from '../session';
import type { CaseJson, UnitJson } from '../types';
import { ErrorBox, Loading, Page, StatusBadge, useAsync } from '../ui';
import { MEASURE_TEXT, type Measure } from '@domain/sanctions';
import { DeadlineChart } from '../components/DeadlineChart';
import { Timeline, EVENT_LABEL, RECIPIENT_LABEL } from '../components/Timeline';
import { OfficeActions } from '../actions/OfficeActions';
import { UnitActions } from '../actions/UnitActions';
import { EnterpriseActions } from '../actions/EnterpriseActions';
import { useRegionName } from '../regions';
import { useExplainCase } from '../explain';
import './office.css';

const TEXT = {
  zh: {
    loadingTitle: '案件',
    back: '返回列表',
    status: '状态',
    escalation: '督办级别',
    unit: '承办单位',
    noUnit: '尚未确定',
    channel: '投诉渠道',
    online: '网上投诉',
    offline: '线下登记',
    filedAt: '提交时间',
    updatedAt: '最近更新',
    closedAt: '办结时间',
    nextDeadline: '下一个期限',
    serious: '已认定为情节严重',
    parties: '当事方',
    complainant: '投诉人',
    respondent: '被投诉人',
    name: '名称',
    creditCode: '统一社会信用代码',
    size: '企业规模',
    contact: '联系人',
    phone: '电话',
    email: '电子邮箱',
    webhook: '接收地址（Webhook）',
    type: '类型',
    stateOwned: '国有',
    yes: '是',
    no: '否',
    region: '所在地',
    supervising: '主管部门',
    contract: '合同',
    title: '合同名称',
    signedOn: '签订日期',
    deliveredOn: '交付日期',
    amount: '合同金额',
    overdueAmount: '拖欠金额',
    agreedPaymentDate: '约定付款日期',
    agreedRate: '约定年利率',
    interest: '逾期利息（估算）',
    principal: '本金',
    dueDate: '应付日期',
    asOf: '计算至',
    overdueDays: '逾期天数',
    basis: '计算依据',
    rate: '利率',
    interestAmount: '利息',
    days: (n: number) => `${n} 天`,
    basisText: { statutory_daily_rate: '未约定利率，按每日万分之五计算', contract_rate: '按合同约定利率', lpr_floor: '约定利率低于签约时一年期 LPR，按 LPR 计算' } as Record<string, string>,
    description: '投诉事项',
    evidence: '证据材料',
    noEvidence: '没有上传证据材料。',
    file: '文件',
    digest: 'SHA-256 摘要',
    result: '办理结果',
    outcome: '结果',
    paidAmount: '已支付金额',
    summary: '办理情况',
    reportedAt: '反馈时间',
    plan: '还款计划',
    n: '期数',
    instalmentDue: '到期日',
    instalmentAmount: '金额',
    instalmentState: '状态',
    instalment: (n: number) => `第 ${n} 期`,
    planState: { open: '待支付', paid: '已支付', missed: '未按期支付' } as Record<string, string>,
    extension: '待决定的延期申请',
    extensionDays: '申请延长',
    extensionReason: '理由',
    deadlines: '办理期限',
    timeline: '办理记录',
    notifications: '通知发送情况',
    noNotifications: '还没有通知。',
    event: '事件',
    recipient: '接收方',
    via: '渠道',
    address: '地址',
    deliveryStatus: '状态',
    attempts: '尝试次数',
    deliveryState: { pending: '待发送', sending: '发送中', sent: '已送达', failed: '发送失败' } as Record<string, string>,
    channelName: { email: '电子邮件', webhook: 'Webhook', sms: '短信', none: '无联系方式' } as Record<string, string>,
    noticeEvent: { sanction_order_impose: '惩戒令', sanction_order_lift: '解除惩戒令', dishonest_payer_listed: '列入失信名单', dishonest_payer_delisted: '移出失信名单' } as Record<string, string>,
    sanctions: '联合惩戒',
    measure: '措施',
    kind: '类型',
    agency: '部门',
    orderStatus: '送达情况',
    orderId: '惩戒令编号',
    impose: '实施',
    lift: '解除',
    noAgency: '无对应部门',
  },
  en: {
    loadingTitle: 'Case',
    back: 'Back to the list',
    status: 'Status',
    escalation: 'Escalation',
    unit: 'Handling unit',
    noUnit: 'Not yet decided',
    channel: 'Channel',
    online: 'Online',
    offline: 'Registered offline',
    filedAt: 'Filed',
    updatedAt: 'Last updated',
    closedAt: 'Closed',
    nextDeadline: 'Next deadline',
    serious: 'Found serious',
    parties: 'Parties',
    complainant: 'Complainant',
    respondent: 'Respondent',
    name: 'Name',
    creditCode: 'Unified social credit code',
    size: 'Size',
    contact: 'Contact',
    phone: 'Phone',
    email: 'Email',
    webhook: 'Webhook',
    type: 'Type',
    stateOwned: 'State-owned',
    yes: 'Yes',
    no: 'No',
    region: 'Territory',
    supervising: 'Supervising department',
    contract: 'Contract',
    title: 'Title',
    signedOn: 'Signed',
    deliveredOn: 'Delivered',
    amount: 'Contract amount',
    overdueAmount: 'Overdue amount',
    agreedPaymentDate: 'Agreed payment date',
    agreedRate: 'Agreed annual rate',
    interest: 'Overdue interest (estimate)',
    principal: 'Principal',
    dueDate: 'Payment due',
    asOf: 'As of',
    overdueDays: 'Days overdue',
    basis: 'Basis',
    rate: 'Rate',
    interestAmount: 'Interest',
    days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    basisText: {
      statutory_daily_rate: 'No rate agreed: 0.05% a day',
      contract_rate: 'The rate in the contract',
      lpr_floor: 'Agreed rate below the one-year LPR at signing: the LPR applies',
    } as Record<string, string>,
    description: 'The complaint',
    evidence: 'Evidence',
    noEvidence: 'No evidence uploaded.',
    file: 'File',
    digest: 'SHA-256 digest',
    result: 'Result',
    outcome: 'Outcome',
    paidAmount: 'Amount paid',
    summary: 'Summary',
    reportedAt: 'Reported',
    plan: 'Payment plan',
    n: 'Instalment',
    instalmentDue: 'Due',
    instalmentAmount: 'Amount',
    instalmentState: 'State',
    instalment: (n: number) => `No. ${n}`,
    planState: { open: 'Not yet due or confirmed', paid: 'Paid', missed: 'Missed' } as Record<string, string>,
    extension: 'Extension request awaiting a decision',
    extensionDays: 'Days asked for',
    extensionReason: 'Reason',
    deadlines: 'Deadlines',
    timeline: 'Timeline',
    notifications: 'Notifications',
    noNotifications: 'No notifications yet.',
    event: 'Event',
    recipient: 'Recipient',
    via: 'Channel',
    address: 'Address',
    deliveryStatus: 'Status',
    attempts: 'Attempts',
    deliveryState: { pending: 'Waiting to send', sending: 'Sending', sent: 'Delivered', failed: 'Failed' } as Record<string, string>,
    channelName: { email: 'Email', webhook: 'Webhook', sms: 'Text message', none: 'No contact' } as Record<string, string>,
    noticeEvent: {
      sanction_order_impose: 'Sanction order',
      sanction_order_lift: 'Order lifting a sanction',
      dishonest_payer_listed: 'Listed as a dishonest payer',
      dishonest_payer_delisted: 'Removed from the dishonest-payer list',
    } as Record<string, string>,
    sanctions: 'Sanctions',
    measure: 'Measure',
    kind: 'Kind',
    agency: 'Agency',
    orderStatus: 'Delivery',
    orderId: 'Order number',
    impose: 'Impose',
    lift: 'Lift',
    noAgency: 'No agency',
  },
};

/** A definition list of label/value pairs; empty values show as a dash. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One case as the caller's role may see it, with that role's decisions underneath. */
export function CasePage({ id }: { id: string }) {
  const t = useText(TEXT);
  const me = useMe();
  const staff = isStaff(me);
  const { data: c, error, reload } = useAsync(() => api<CaseJson>('GET', `/complaints/${encodeURIComponent(id)}`), [id]);
  // Only staff may read the list of units; others know the case's own unit by the name the case carries.
  const units = useAsync(() => (staff ? api<{ items: UnitJson[] }>('GET', '/units') : Promise.resolve({ items: [] as UnitJson[] })), [staff]);
  const unitName = (unitId: string) =>
    units.data?.items.find((u) => u.id === unitId)?.name ?? (unitId === c?.unitId && c.unitName ? c.unitName : unitId === me.unitId && me.unitName ? me.unitName : unitId);
  const back = staff ? '/inbox' : me.role === 'unit' ? '/unit' : '/my';

  if (!c) {
    return (
      <Page title={t.loadingTitle}>
        {error ? <ErrorBox error={error} /> : <Loading />}
        <p>
          <Link to={back}>{t.back}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={c.caseNumber} actions={<Link to={back}>{t.back}</Link>}>
      <ErrorBox error={error} />
      {me.role === 'complainant' && <WhereItStands c={c} />}
      <CaseSummary c={c} unitName={unitName} />
      <CaseDetails c={c} />
      <section aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">{t.deadlines}</h2>
        <DeadlineChart deadlines={c.deadlines} createdAt={c.createdAt} />
      </section>
      {staff ? <OfficeActions c={c} onChanged={reload} /> : me.role === 'unit' ? <UnitActions c={c} onChanged={reload} /> : <EnterpriseActions c={c} onChanged={reload} />}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t.timeline}</h2>
        <Timeline entries={c.timeline} unitName={unitName} />
      </section>
      <Notifications c={c} />
      <Sanctions c={c} staff={staff} />
    </Page>
  );
}

const STANDS_TEXT = {
  zh: { title: '进展与下一步', yourTurn: '需要您处理' },
  en: { title: 'Where it stands, and what comes next', yourTurn: 'Your turn' },
};

/** For the enterprise: its case in plain words, as its list says it, at the top of the page. */
function WhereItStands({ c }: { c: CaseJson }) {
  const t = useText(STANDS_TEXT);
  const e = useExplainCase()(c);
  return (
    <section aria-labelledby="stands-title" className={`card where-it-stands${e.yourTurn ? ' your-turn' : ''}`}>
      <h2 id="stands-title">
        {t.title}
        {e.yourTurn && <span className="count">{t.yourTurn}</span>}
      </h2>
      <p>{e.now}</p>
      <p className={e.yourTurn ? 'strong' : 'muted'}>{e.next}</p>
    </section>
  );
}

function CaseSummary({ c, unitName }: { c: CaseJson; unitName: (id: string) => string }) {
  const t = useText(TEXT);
  const f = useFormat();
  const ladder = useText(ESCALATION_LABEL);
  return (
    <div className="case-summary card">
      <div className="case-flags">
        <StatusBadge status={c.status} />
        {c.escalationLevel > 0 && (
          <span className="badge badge-escalated">
            {t.escalation}: {ladder[c.escalationLevel]}
          </span>
        )}
        {c.seriousFound && <span className="badge badge-serious">{t.serious}</span>}
      </div>
      <Facts
        rows={[
          [t.unit, c.unitId ? unitName(c.unitId) : t.noUnit],
          [t.channel, c.channel === 'offline' ? t.offline : t.online],
          [t.filedAt, f.dateTime(c.createdAt)],
          [t.updatedAt, f.dateTime(c.updatedAt)],
          ...(c.nextDeadlineAt ? ([[t.nextDeadline, f.dateTime(c.nextDeadlineAt)]] as [string, ReactNode][]) : []),
          ...(c.closedAt ? ([[t.closedAt, f.dateTime(c.closedAt)]] as [string, ReactNode][]) : []),
        ]}
      />
    </div>
  );
}

function CaseDetails({ c }: { c: CaseJson }) {
  const t = useText(TEXT);
  const f = useFormat();
  const sizes = useText(SIZE_LABEL);
  const types = useText(RESPONDENT_TYPE_LABEL);
  const regionName = useRegionName();
  const outcomes = useText(OUTCOME_LABEL);
  const { complainant: who, respondent: payer, contract } = c;
  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? t.yes : t.no);
  const percent = (rate: string | null | undefined) => (rate ? `${(Number(rate) * 100).toFixed(4).replace(/\.?0+$/, '')}%` : null);

  return (
    <>
      <section aria-labelledby="parties-title">
        <h2 id="parties-title">{t.parties}</h2>
        <div className="card-grid">
          <div className="card">
            <h3>{t.complainant}</h3>
            <Facts
              rows={[
                [t.name, who.name],
                [t.creditCode, <span className="mono">{who.creditCode}</span>],
                [t.size, sizes[who.size]],
                [t.contact, who.contactName],
                [t.phone, who.phone],
                [t.email, who.email],
                ...(who.webhookUrl ? ([[t.webhook, <span className="break">{who.webhookUrl}</span>]] as [string, ReactNode][]) : []),
              ]}
            />
          </div>
          <div className="card">
            <h3>{t.respondent}</h3>
            <Facts
              rows={[
                [t.name, payer.name],
                [t.creditCode, payer.creditCode ? <span className="mono">{payer.creditCode}</span> : null],
                [t.type, types[payer.type]],
                [t.stateOwned, yesNo(payer.stateOwned)],
                [t.region, regionName(payer.regionCode, '—')],
                [t.supervising, payer.supervisingDepartment],
              ]}
            />
          </div>
        </div>
      </section>

      <section aria-labelledby="contract-title">
        <h2 id="contract-title">{t.contract}</h2>
        <div className="card-grid">
          <div className="card">
            <Facts
              rows={[
                [t.title, contract.title],
                [t.amount, f.yuan(contract.amount)],
                [t.overdueAmount, <strong>{f.yuan(contract.overdueAmount)}</strong>],
                [t.signedOn, f.date(contract.signedOn)],
                [t.deliveredOn, f.date(contract.deliveredOn)],
                [t.agreedPaymentDate, f.date(contract.agreedPaymentDate)],
                [t.agreedRate, percent(contract.agreedAnnualRate)],
              ]}
            />
          </div>
          {c.interestOwed && (
            <div className="card">
              <h3>{t.interest}</h3>
              <Facts
                rows={[
                  [t.principal, f.yuan(c.interestOwed.principal)],
                  [t.dueDate, f.date(c.interestOwed.dueDate)],
                  [t.asOf, f.date(c.interestOwed.asOf)],
                  [t.overdueDays, t.days(c.interestOwed.overdueDays)],
                  [t.basis, t.basisText[c.interestOwed.basis] ?? c.interestOwed.basis],
                  [t.rate, percent(c.interestOwed.rate)],
                  [t.interestAmount, <strong>{f.yuan(c.interestOwed.interest)}</strong>],
                ]}
              />
            </div>
          )}
        </div>
      </section>

      <section aria-labelledby="description-title">
        <h2 id="description-title">{t.description}</h2>
        <div className="card">
          <p className="prose">{c.description}</p>
        </div>
      </section>

      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t.evidence}</h2>
        {c.evidence.length === 0 ? (
          <p className="muted">{t.noEvidence}</p>
        ) : (
          <ul className="evidence-list">
            {c.evidence.map((e) => (
              <li key={`${e.name}:${e.sha256}`}>
                <span className="evidence-name">{e.name}</span>
                <span className="muted">
                  {t.digest}: <code className="break">{e.sha256}</code>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {(c.result || c.plan.length > 0) && (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{t.result}</h2>
          {c.result && (
            <div className="card">
              <Facts
                rows={[
                  [t.outcome, outcomes[c.result.outcome]],
                  ...(c.result.paidAmount ? ([[t.paidAmount, f.yuan(c.result.paidAmount)]] as [string, ReactNode][]) : []),
                  [t.reportedAt, f.dateTime(c.result.reportedAt)],
                ]}
              />
              <p className="prose">{c.result.summary}</p>
            </div>
          )}
          {c.plan.length > 0 && (
            <div className="table-wrap">
              <table className="stack">
                <caption>{t.plan}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.n}</th>
                    <th scope="col">{t.instalmentDue}</th>
                    <th scope="col" className="num">
                      {t.instalmentAmount}
                    </th>
                    <th scope="col">{t.instalmentState}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.plan.map((p) => (
                    <tr key={p.n}>
                      <td data-label={t.n}>{t.instalment(p.n)}</td>
                      <td data-label={t.instalmentDue}>{f.date(p.dueDate)}</td>
                      <td data-label={t.instalmentAmount} className="num">
                        {f.yuan(p.amount)}
                      </td>
                      <td data-label={t.instalmentState}>
                        <span className={`plan-state plan-${p.state}`}>{t.planState[p.state] ?? p.state}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {c.pendingExtension && (
        <section aria-labelledby="extension-title">
          <h2 id="extension-title">{t.extension}</h2>
          <div className="card pending-extension">
            <Facts
              rows={[
                [t.extensionDays, t.days(c.pendingExtension.days)],
                [t.extensionReason, c.pendingExtension.reason],
              ]}
            />
          </div>
        </section>
      )}
    </>
  );
}

function Notifications({ c }: { c: CaseJson }) {
  const t = useText(TEXT);
  const events = useText(EVENT_LABEL);
  const recipients = useText(RECIPIENT_LABEL);
  return (
    <section aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t.notifications}</h2>
      {c.notifications.length === 0 ? (
        <p className="muted">{t.noNotifications}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">{t.event}</th>
                <th scope="col">{t.recipient}</th>
                <th scope="col">{t.via}</th>
                <th scope="col">{t.deliveryStatus}</th>
                <th scope="col" className="num">
                  {t.attempts}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.notifications.map((n) => (
                <tr key={n.id}>
                  <td data-label={t.event}>{events[n.event] ?? t.noticeEvent[n.event] ?? n.event}</td>
                  <td data-label={t.recipient}>{recipients[n.recipient] ?? n.recipient}</td>
                  <td data-label={t.via}>
                    {t.channelName[n.channel] ?? n.channel}
                    {n.address && <span className="muted cell-note">{n.address}</span>}
                  </td>
                  <td data-label={t.deliveryStatus}>
                    <span className={`delivery delivery-${n.status}`}>{t.deliveryState[n.status] ?? n.status}</span>
                    {n.lastError && n.status !== 'sent' && <span className="muted cell-note">{n.lastError}</span>}
                  </td>
                  <td data-label={t.attempts} className="num">
                    {n.attempts}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Sanctions({ c, staff }: { c: CaseJson; staff: boolean }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const hasOrders = c.sanctions.length > 0;
  // Only staff may read the agencies; others see the agency's id.
  const agencies = useAsync(
    () => (staff && hasOrders ? api<{ items: { id: string; name: string }[] }>('GET', '/agencies') : Promise.resolve({ items: [] as { id: string; name: string }[] })),
    [staff, hasOrders],
  );
  const agencyName = (id: string) => agencies.data?.items.find((a) => a.id === id)?.name ?? id;
  if (!hasOrders) return null;
  return (
    <section aria-labelledby="sanctions-title">
      <h2 id="sanctions-title">{t.sanctions}</h2>
      <div className="table-wrap">
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">{t.measure}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.agency}</th>
              <th scope="col">{t.orderStatus}</th>
              <th scope="col">{t.orderId}</th>
            </tr>
          </thead>
          <tbody>
            {c.sanctions.map((s) => (
              <tr key={s.orderId}>
                <td data-label={t.measure}>{MEASURE_TEXT[s.measure as Measure]?.[lang] ?? s.measure}</td>
                <td data-label={t.kind}>{s.kind === 'impose' ? t.impose : t.lift}</td>
                <td data-label={t.agency}>{s.agencyId ? agencyName(s.agencyId) : t.noAgency}</td>
                <td data-label={t.orderStatus}>
                  <span className={`delivery delivery-${s.status}`}>{t.deliveryState[s.status] ?? s.status}</span>
                </td>
                <td data-label={t.orderId}>
                  <span className="mono break">{s.orderId}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
