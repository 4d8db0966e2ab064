import { useFormat, useLang, useText, type Texts } from '../i18n';
import { DEADLINE_LABEL, ESCALATION_LABEL, OUTCOME_LABEL, REJECTION_LABEL, ROLE_LABEL } from '../labels';
import type { TimelineEntry } from '../types';
import '../pages/office.css';

/** Every event type the case workflow records, in words. */
export const EVENT_LABEL: Texts<Record<string, string>> = {
  zh: {
    submitted: '提交投诉',
    accepted: '受理',
    rejected: '不予受理',
    information_requested: '要求补充材料',
    information_supplied: '补充材料',
    forwarded: '转办承办单位',
    signed: '签收',
    reopened: '重新办理',
    extension_requested: '申请延期',
    extension_approved: '批准延期',
    extension_denied: '不批准延期',
    returned_by_unit: '承办单位退回',
    note: '备注',
    result_reported: '反馈办理结果',
    complainant_notified_of_result: '已书面告知投诉人结果',
    reported_to_office: '已向市办公室报告结果',
    feedback_given: '投诉人评价',
    feedback_window_elapsed: '评价期满未提出异议',
    closed: '办结',
    instalment_confirmation_requested: '请投诉人确认分期付款',
    instalment_paid: '分期款已支付',
    instalment_missed: '分期款未按期支付',
    withdrawn: '撤回投诉',
    escalated: '升级督办',
    escalated_to_office_head: '报告办公室负责人',
    found_serious: '认定为情节严重',
    sanctions_started: '启动联合惩戒',
    credit_repair_requested: '申请信用修复',
    policy_changed: '调整本案时限',
    reminder_sent: '发出催办提醒',
    deadline_missed: '期限已过',
    respondent_supervision_order: '向被投诉方发出督办书',
    respondent_summons: '约谈被投诉方',
    respondent_circular: '通报被投诉方',
    rectification_order: '责令被投诉方整改',
  },
  en: {
    submitted: 'Complaint filed',
    accepted: 'Accepted',
    rejected: 'Not accepted',
    information_requested: 'Information requested',
    information_supplied: 'Information supplied',
    forwarded: 'Forwarded to a unit',
    signed: 'Signed for',
    reopened: 'Reopened',
    extension_requested: 'Extension requested',
    extension_approved: 'Extension approved',
    extension_denied: 'Extension denied',
    returned_by_unit: 'Handed back by the unit',
    note: 'Note',
    result_reported: 'Result reported',
    complainant_notified_of_result: 'Complainant told the result in writing',
    reported_to_office: 'Result reported to the office',
    feedback_given: 'Complainant feedback',
    feedback_window_elapsed: 'Feedback window ended without objection',
    closed: 'Closed',
    instalment_confirmation_requested: 'Instalment confirmation requested',
    instalment_paid: 'Instalment paid',
    instalment_missed: 'Instalment missed',
    withdrawn: 'Complaint withdrawn',
    escalated: 'Escalated',
    escalated_to_office_head: 'Reported to the office head',
    found_serious: 'Found serious',
    sanctions_started: 'Sanctions started',
    credit_repair_requested: 'Credit repair requested',
    policy_changed: "Case's time limits changed",
    reminder_sent: 'Reminder sent',
    deadline_missed: 'Deadline missed',
    respondent_supervision_order: 'Supervision order to the respondent',
    respondent_summons: 'Respondent summoned',
    respondent_circular: 'Circular about the respondent',
    rectification_order: 'Respondent ordered to rectify',
  },
};

/** Who receives notices, as the workflow names them. */
export const RECIPIENT_LABEL: Texts<Record<string, string>> = {
  zh: { complainant: '投诉企业', unit: '承办单位', unit_leadership: '承办单位领导', unit_principal: '承办单位主要负责人', office: '市办公室', office_head: '市办公室负责人', agency: '惩戒部门', all_units: '全市各单位' },
  en: {
    complainant: 'Complainant',
    unit: 'Handling unit',
    unit_leadership: "Unit's leadership",
    unit_principal: "Unit's principal",
    office: 'City office',
    office_head: 'Office head',
    agency: 'Sanctioning agency',
    all_units: 'All units',
  },
};

const TEXT = {
  zh: {
    empty: '还没有记录。',
    system: '系统',
    by: '操作人',
    reason: '理由',
    note: '备注',
    text: '补充内容',
    days: '天数',
    requestedDays: '申请天数',
    dueAt: '截止时间',
    dueDate: '到期日',
    outcome: '结果',
    paidAmount: '已支付金额',
    summary: '办理情况',
    plan: '还款计划',
    deadline: '期限',
    to: '通知',
    cc: '抄送',
    level: '级别',
    unitId: '承办单位',
    how: '方式',
    satisfied: '是否满意',
    comment: '意见',
    n: '期数',
    amount: '金额',
    changes: '调整内容',
    caseNumber: '案件编号',
    channel: '渠道',
    respondent: '被投诉方',
    circular: '通报范围',
    yes: '满意',
    no: '不满意',
    dayCount: (n: number) => `${n} 天`,
    instalment: (n: number) => `第 ${n} 期`,
    planOf: (n: number) => `${n} 期`,
    how_routed: '按分办规则自动分办',
    how_reassigned: '市办公室改派',
    how_chosen: '市办公室指定',
    channel_online: '网上投诉',
    channel_offline: '线下登记',
  },
  en: {
    empty: 'Nothing recorded yet.',
    system: 'System',
    by: 'By',
    reason: 'Reason',
    note: 'Note',
    text: 'Information',
    days: 'Days',
    requestedDays: 'Days requested',
    dueAt: 'Due',
    dueDate: 'Due date',
    outcome: 'Outcome',
    paidAmount: 'Amount paid',
    summary: 'Summary',
    plan: 'Payment plan',
    deadline: 'Deadline',
    to: 'Notified',
    cc: 'Copied',
    level: 'Level',
    unitId: 'Unit',
    how: 'How',
    satisfied: 'Satisfied',
    comment: 'Comment',
    n: 'Instalment',
    amount: 'Amount',
    changes: 'Changes',
    caseNumber: 'Case number',
    channel: 'Channel',
    respondent: 'Respondent',
    circular: 'Circulated to',
    yes: 'Yes',
    no: 'No',
    dayCount: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    instalment: (n: number) => `No. ${n}`,
    planOf: (n: number) => `${n} instalment${n === 1 ? '' : 's'}`,
    how_routed: 'Routed by the rules',
    how_reassigned: 'Reassigned by the office',
    how_chosen: 'Chosen by the office',
    channel_online: 'Online',
    channel_offline: 'Registered offline',
  },
};

/** Reasons the workflow writes itself, in Chinese; anything else is shown as written. */
function systemReasonZh(reason: string, deadlines: Record<string, string>): string | undefined {
  const fixed: Record<string, string> = {
    'the complainant is satisfied': '投诉人表示满意',
    'no objection within the feedback window': '评价期内未提出异议',
    'the payment plan was paid in full': '还款计划已全部履行',
    'the complainant is not satisfied with the result': '投诉人对办理结果不满意',
  };
  if (fixed[reason]) return fixed[reason];
  const still = /^the (\w+) deadline is still missed$/.exec(reason);
  if (still?.[1]) return `${deadlines[still[1]] ?? still[1]}期限仍未完成`;
  const unpaid = /^instalment (\d+) was not paid$/.exec(reason);
  if (unpaid?.[1]) return `第 ${unpaid[1]} 期款项未支付`;
  return undefined;
}

/** The order data reads best in: what happened first, then why, then who is told. */
const KEY_ORDER = ['deadline', 'level', 'outcome', 'satisfied', 'n', 'days', 'requestedDays', 'dueAt', 'dueDate', 'amount', 'paidAmount', 'plan', 'unitId', 'how', 'reason', 'note', 'text', 'summary', 'comment', 'changes', 'to', 'cc', 'circular'];
const rank = (key: string) => {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
};

/** Keys that only the machinery reads (ids of child workflows, the ladder's English step name). */
const HIDDEN_KEYS = new Set(['workflowId', 'step', 'stepZh']);

type DetailKey = Exclude<keyof (typeof TEXT)['zh'], 'empty' | 'system' | 'by' | 'yes' | 'no' | 'dayCount' | 'instalment' | 'planOf' | `how_${string}` | `channel_${string}`>;

/** The recorded events, oldest first, each with its data in words. */
export function Timeline({ entries, unitName }: { entries: TimelineEntry[]; unitName?: (id: string) => string }) {
  const t = useText(TEXT);
  const events = useText(EVENT_LABEL);
  const roles = useText(ROLE_LABEL) as Record<string, string>;
  const f = useFormat();
  const { lang } = useLang();
  const deadlines = useText(DEADLINE_LABEL) as Record<string, string>;
  const outcomes = useText(OUTCOME_LABEL) as Record<string, string>;
  const rejections = useText(REJECTION_LABEL) as Record<string, string>;
  const ladder = useText(ESCALATION_LABEL);
  const recipients = useText(RECIPIENT_LABEL);

  if (entries.length === 0) return <p className="muted">{t.empty}</p>;

  const words = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    if (Array.isArray(v)) return v.map(words).filter(Boolean).join(lang === 'zh' ? '、' : ', ');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  const recipientWords = (v: unknown) => (Array.isArray(v) ? v : [v]).map((r) => recipients[String(r)] ?? String(r)).join(lang === 'zh' ? '、' : ', ');

  /** One piece of an event's data as "label: value", or null when there is nothing to say. */
  function detail(e: TimelineEntry, key: string, value: unknown): [string, string] | null {
    const what = e.what;
    if (HIDDEN_KEYS.has(key) || value === null || value === undefined || value === '') return null;
    const label = key in t ? t[key as DetailKey] : key;
    switch (key) {
      case 'reason':
        if (what === 'rejected') return [label, rejections[String(value)] ?? String(value)];
        return [label, (e.who.role === 'system' && lang === 'zh' ? systemReasonZh(String(value), deadlines) : undefined) ?? words(value)];
      case 'days':
      case 'requestedDays':
        return [label, t.dayCount(Number(value))];
      case 'dueAt':
        return [label, f.dateTime(String(value))];
      case 'dueDate':
        return [label, f.date(String(value))];
      case 'outcome':
        return [label, outcomes[String(value)] ?? String(value)];
      case 'paidAmount':
      case 'amount':
        return [label, f.yuan(String(value))];
      case 'plan':
        return Array.isArray(value) && value.length > 0 ? [label, t.planOf(value.length)] : null;
      case 'deadline':
        return [label, deadlines[String(value)] ?? String(value)];
      case 'to':
      case 'cc':
      case 'circular':
        return Array.isArray(value) && value.length === 0 ? null : [label, recipientWords(value)];
      case 'level':
        return [label, what === 'escalated' ? `${String(value)} · ${ladder[Number(value)] ?? ''}` : String(value)];
      case 'unitId':
        return [label, unitName ? unitName(String(value)) : String(value)];
      case 'how':
        return [label, String(value) === 'routed' ? t.how_routed : String(value) === 'reassigned' ? t.how_reassigned : String(value) === 'chosen' ? t.how_chosen : String(value)];
      case 'satisfied':
        return [label, value ? t.yes : t.no];
      case 'n':
        return [label, t.instalment(Number(value))];
      case 'channel':
        return [label, value === 'online' ? t.channel_online : value === 'offline' ? t.channel_offline : String(value)];
      case 'changes':
        return [
          label,
          typeof value === 'object'
            ? Object.entries(value as Record<string, unknown>)
                .map(([k, v]) => `${deadlines[k] ?? k}: ${words(v)}`)
                .join(lang === 'zh' ? '；' : '; ')
            : words(value),
        ];
      default:
        return [label, words(value)];
    }
  }

  return (
    <ol className="timeline">
      {[...entries]
        .sort((a, b) => a.seq - b.seq)
        .map((e) => {
          const details = Object.entries(e.data ?? {})
            .sort(([a], [b]) => rank(a) - rank(b))
            .map(([k, v]) => detail(e, k, v))
            .filter((d): d is [string, string] => d !== null);
          const who = e.who.role === 'system' ? t.system : `${roles[e.who.role] ?? e.who.role} · ${e.who.id}`;
          return (
            <li key={e.seq} className={`timeline-item ev-${e.what}`}>
              <div className="timeline-head">
                <span className="timeline-what">{events[e.what] ?? e.what}</span>
                <time dateTime={e.when} className="timeline-when">
                  {f.dateTime(e.when)}
                </time>
              </div>
              <p className="timeline-who">
                {t.by}: {who}
              </p>
              {details.length > 0 && (
                <dl className="timeline-data">
                  {details.map(([label, value]) => (
                    <div key={label}>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
    </ol>
  );
}
