import type { RecipientKind, TemplateKey } from '../domain/notification-plan';
import { ESCALATION_STEPS, REJECTION_REASON_TEXT, type EscalationLevel, type Outcome, type RejectionReason } from '../domain/case-status';
import { MEASURE_TEXT, isMeasure } from '../domain/sanctions';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface TemplateContext {
  caseNumber: string;
  complainantName: string;
  respondentName: string;
  /** The unit concerned, by name when known. */
  unitName: string | null;
  recipient: RecipientKind;
  /** The timeline event's type, or the order's template step. */
  eventType: string;
  /** The timeline event's data (or the order's, for agencies). */
  data: Record<string, unknown>;
  /** The deadline the recipient now works against, when the event opened one (ISO). */
  dueAt?: string | null;
}

export interface RenderedMessage {
  subject: string;
  body: string;
  /** The language actually used: English when the template has no Chinese text. */
  language: Language;
}

type Render = (c: TemplateContext) => [subject: string, body: string];

const DEADLINE_ZH: Record<string, string> = { review: '审查', sign: '签收', handling: '办理', feedback: '反馈', instalment: '分期付款确认' };
const OUTCOME_ZH: Record<Outcome, string> = {
  paid_in_full: '已全额支付',
  payment_plan: '已达成还款计划',
  no_arrears_found: '经核实不存在拖欠',
  referred_to_litigation: '已转由法院或仲裁机构处理',
  respondent_refuses: '被投诉人拒不履行',
};
const OUTCOME_EN: Record<Outcome, string> = {
  paid_in_full: 'paid in full',
  payment_plan: 'a payment plan was agreed',
  no_arrears_found: 'no arrears were found',
  referred_to_litigation: 'referred to a court or arbitration',
  respondent_refuses: 'the respondent refuses to pay',
};
const REJECTION_ZH: Record<RejectionReason, string> = {
  not_sme: '投诉人不属于中小企业',
  respondent_not_covered: '被投诉人不属于机关、事业单位或大型企业',
  no_contract: '双方之间不存在合同关系',
  not_goods_works_services: '欠款并非因采购货物、工程或服务产生',
  other_proceedings: '已由法院、仲裁机构、其他行政部门或调解组织受理',
  already_answered: '已经答复且无新的事实和理由',
  incomplete: '投诉材料不完整',
};
const RESPONDENT_MEASURE_ZH: Record<string, string> = {
  respondent_supervision_order: '督办',
  respondent_summons: '约谈',
  respondent_circular: '通报',
  rectification_order: '责令整改',
};

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);

/** Instants as the office reads them: Beijing time, to the minute. */
export function beijingTime(iso: unknown): string {
  const t = typeof iso === 'string' ? new Date(iso) : undefined;
  if (!t || Number.isNaN(t.getTime())) return '';
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const levelZh = (level: unknown) => ESCALATION_STEPS[(Number(level) || 0) as EscalationLevel]?.zh || '督办';
const levelEn = (level: unknown) => ESCALATION_STEPS[(Number(level) || 0) as EscalationLevel]?.name || 'escalation';
const outcomeZh = (o: unknown) => OUTCOME_ZH[o as Outcome] ?? str(o);
const outcomeEn = (o: unknown) => OUTCOME_EN[o as Outcome] ?? str(o);
const reasonZh = (r: unknown) => REJECTION_ZH[r as RejectionReason] ?? str(r);
const reasonEn = (r: unknown) => REJECTION_REASON_TEXT[r as RejectionReason] ?? str(r);
const measureZh = (m: unknown) => (typeof m === 'string' && isMeasure(m) ? MEASURE_TEXT[m].zh : str(m));
const measureEn = (m: unknown) => (typeof m === 'string' && isMeasure(m) ? MEASURE_TEXT[m].en : str(m));
const unitZh = (c: TemplateContext) => c.unitName ?? '承办单位';
const unitEn = (c: TemplateContext) => c.unitName ?? 'the handling unit';
const due = (c: TemplateContext) => beijingTime(c.dueAt ?? c.data.dueAt);

/** Chinese first: the office, the units and the enterprises work in Chinese. */
const ZH: Partial<Record<TemplateKey, Render>> = {
  complaint_received: (c) => [`投诉已收到：${c.caseNumber}`, `您对${c.respondentName}的拖欠款项投诉已登记，案件编号 ${c.caseNumber}。我们将${due(c) ? `于 ${due(c)} 前` : '在10个工作日内'}完成审查并告知结果。`],
  new_complaint: (c) => [`新投诉待审查：${c.caseNumber}`, `${c.complainantName}投诉${c.respondentName}拖欠款项，案件编号 ${c.caseNumber}，请${due(c) ? `于 ${due(c)} 前` : '在10个工作日内'}审查。`],
  accepted: (c) => [`投诉已受理：${c.caseNumber}`, `您对${c.respondentName}的投诉（${c.caseNumber}）已受理，将转交责任单位办理。`],
  rejected: (c) => [`投诉不予受理：${c.caseNumber}`, `您对${c.respondentName}的投诉（${c.caseNumber}）不予受理。理由：${reasonZh(c.data.reason)}。${str(c.data.note)}`],
  information_requested: (c) => [`请补充投诉材料：${c.caseNumber}`, `您的投诉（${c.caseNumber}）材料需要补充：${str(c.data.note, '请补充完整材料')}。补充后审查期限重新计算。`],
  information_supplied: (c) => [`投诉人已补充材料：${c.caseNumber}`, `${c.complainantName}已为案件 ${c.caseNumber} 补充材料，请继续审查。`],
  case_assigned: (c) => [`转办通知：${c.caseNumber}`, `现将${c.complainantName}投诉${c.respondentName}拖欠款项一案（${c.caseNumber}）转交${unitZh(c)}办理，请${due(c) ? `于 ${due(c)} 前` : '及时'}签收，并在签收后30日内办结和反馈。`],
  case_forwarded: (c) => [`投诉已转办：${c.caseNumber}`, `您的投诉（${c.caseNumber}）已转交${unitZh(c)}办理。`],
  reminder: (c) => [`催办：${c.caseNumber}${DEADLINE_ZH[str(c.data.deadline)] ?? ''}期限将至`, `案件 ${c.caseNumber}（被投诉人：${c.respondentName}）的${DEADLINE_ZH[str(c.data.deadline)] ?? ''}期限${due(c) ? `为 ${due(c)}` : '已到'}，请及时办理。`],
  deadline_missed: (c) => [`逾期提醒：${c.caseNumber}`, `案件 ${c.caseNumber} 的${DEADLINE_ZH[str(c.data.deadline)] ?? ''}期限（${due(c)}）已过，${unitZh(c)}尚未办理，将按规定逐级督办。`],
  escalation: (c) => [`${levelZh(c.data.level)}：${c.caseNumber}`, `${unitZh(c)}：案件 ${c.caseNumber}（被投诉人：${c.respondentName}）逾期未办，现发出${levelZh(c.data.level)}。原因：${str(c.data.reason)}。`],
  escalated_to_office_head: (c) => [`审查逾期，报请办公室负责人：${c.caseNumber}`, `案件 ${c.caseNumber} 未在审查期限内作出决定，现报请办公室负责人督促。`],
  extension_requested: (c) => [`延期申请待审批：${c.caseNumber}`, `${unitZh(c)}申请案件 ${c.caseNumber} 延期 ${str(c.data.days)} 日。理由：${str(c.data.reason)}。`],
  extension_approved: (c) => [`延期申请已批准：${c.caseNumber}`, `案件 ${c.caseNumber} 延期 ${str(c.data.days)} 日已批准，新的办理期限为 ${due(c)}。`],
  extension_denied: (c) => [`延期申请未批准：${c.caseNumber}`, `案件 ${c.caseNumber} 的延期申请未获批准，请按原期限办结。`],
  case_returned: (c) => [`案件退回：${c.caseNumber}`, `${unitZh(c)}退回案件 ${c.caseNumber}。理由：${str(c.data.reason)}。请重新指定承办单位。`],
  result: (c) => [`投诉处理结果：${c.caseNumber}`, `您对${c.respondentName}的投诉（${c.caseNumber}）已办结，处理结果：${outcomeZh(c.data.outcome)}。请在规定期限内反馈是否满意，逾期未反馈视为无异议。`],
  result_report: (c) => [`办理结果报告：${c.caseNumber}`, `${unitZh(c)}已办结案件 ${c.caseNumber}（被投诉人：${c.respondentName}），处理结果：${outcomeZh(c.data.outcome)}。`],
  feedback_given: (c) => [`投诉人反馈：${c.caseNumber}`, `投诉人对案件 ${c.caseNumber} 的处理结果${c.data.satisfied ? '表示满意' : '表示不满意'}。${str(c.data.comment)}`],
  case_reopened: (c) => [`案件重新办理：${c.caseNumber}`, `案件 ${c.caseNumber} 重新交由${unitZh(c)}办理${due(c) ? `，办理期限为 ${due(c)}` : ''}。原因：${str(c.data.reason)}。`],
  instalment_confirmation: (c) => [`请确认分期付款：${c.caseNumber}`, `按还款计划，${c.respondentName}应于 ${str(c.data.dueDate)} 支付第 ${str(c.data.n)} 期款项 ${str(c.data.amount)} 元，请确认是否已收到。`],
  instalment_missed: (c) => [`分期付款未按期支付：${c.caseNumber}`, `案件 ${c.caseNumber} 第 ${str(c.data.n)} 期款项未按期支付，案件重新办理。`],
  withdrawn: (c) => [`投诉已撤回：${c.caseNumber}`, `投诉人已撤回案件 ${c.caseNumber}。理由：${str(c.data.reason)}。`],
  closed: (c) => [`案件已办结：${c.caseNumber}`, `案件 ${c.caseNumber}（被投诉人：${c.respondentName}）已办结。${str(c.data.reason ?? c.data.note)}`],
  found_serious: (c) => [`案件认定为情节严重：${c.caseNumber}`, `案件 ${c.caseNumber} 被认定为情节严重，将依法对${c.respondentName}实施失信惩戒。理由：${str(c.data.reason)}。`],
  respondent_measure: (c) => [`对被投诉人${RESPONDENT_MEASURE_ZH[c.eventType] ?? '督办'}：${c.caseNumber}`, `${c.respondentName}不配合处理案件 ${c.caseNumber}，现对其${RESPONDENT_MEASURE_ZH[c.eventType] ?? '督办'}（第 ${str(c.data.level)} 级）。`],
  sanction_order_impose: (c) => [`失信惩戒通知：${c.caseNumber}`, `根据《保障中小企业款项支付条例》第二十六条，请对${c.respondentName}（${str(c.data.respondentCreditCode, '统一社会信用代码未提供')}）实施：${measureZh(c.data.measure)}。案件编号 ${c.caseNumber}，通知编号 ${str(c.data.orderId)}。`],
  sanction_order_lift: (c) => [`信用修复通知：${c.caseNumber}`, `${c.respondentName}（${str(c.data.respondentCreditCode, '统一社会信用代码未提供')}）已全额支付，公示期满，请解除：${measureZh(c.data.measure)}。案件编号 ${c.caseNumber}，通知编号 ${str(c.data.orderId)}。`],
  dishonest_payer_listed: (c) => [`被投诉人列入失信名单：${c.caseNumber}`, `${c.respondentName}因案件 ${c.caseNumber} 自 ${beijingTime(c.data.since)} 起列入拖欠中小企业款项失信名单并公示。`],
  dishonest_payer_delisted: (c) => [`被投诉人移出失信名单：${c.caseNumber}`, `${c.respondentName}已全额支付，公示期满，自 ${beijingTime(c.data.at)} 起移出失信名单（案件 ${c.caseNumber}）。`],
};

/** The fallback: every template has English text. */
const EN: Record<TemplateKey, Render> = {
  complaint_received: (c) => [`Complaint received: ${c.caseNumber}`, `Your complaint against ${c.respondentName} is registered as ${c.caseNumber}. The office decides ${due(c) ? `by ${due(c)} Beijing time` : 'within 10 working days'}.`],
  new_complaint: (c) => [`New complaint to review: ${c.caseNumber}`, `${c.complainantName} complains that ${c.respondentName} pays late (${c.caseNumber}). Please review it ${due(c) ? `by ${due(c)} Beijing time` : 'within 10 working days'}.`],
  accepted: (c) => [`Complaint accepted: ${c.caseNumber}`, `Your complaint against ${c.respondentName} (${c.caseNumber}) is accepted and goes to the responsible unit.`],
  rejected: (c) => [`Complaint not accepted: ${c.caseNumber}`, `Your complaint against ${c.respondentName} (${c.caseNumber}) is not accepted. Reason: ${reasonEn(c.data.reason)} ${str(c.data.note)}`],
  information_requested: (c) => [`More information needed: ${c.caseNumber}`, `Please supply more material for ${c.caseNumber}: ${str(c.data.note, 'the material is incomplete')}. The review period restarts once it is complete.`],
  information_supplied: (c) => [`Material supplied: ${c.caseNumber}`, `${c.complainantName} supplied more material for ${c.caseNumber}.`],
  case_assigned: (c) => [`Case forwarded to you: ${c.caseNumber}`, `${c.complainantName}'s complaint against ${c.respondentName} (${c.caseNumber}) is forwarded to ${unitEn(c)}. Please sign for it${due(c) ? ` by ${due(c)} Beijing time` : ''} and report a result within 30 days of signing.`],
  case_forwarded: (c) => [`Complaint forwarded: ${c.caseNumber}`, `Your complaint (${c.caseNumber}) was forwarded to ${unitEn(c)}.`],
  reminder: (c) => [`Reminder: ${c.caseNumber} ${str(c.data.deadline)} deadline`, `The ${str(c.data.deadline)} deadline of ${c.caseNumber} (respondent ${c.respondentName}) ${due(c) ? `is ${due(c)} Beijing time` : 'has come'}.`],
  deadline_missed: (c) => [`Deadline missed: ${c.caseNumber}`, `The ${str(c.data.deadline)} deadline of ${c.caseNumber} (${due(c)}) has passed; the case is escalated step by step.`],
  escalation: (c) => [`${levelEn(c.data.level)}: ${c.caseNumber}`, `${unitEn(c)}: ${c.caseNumber} (respondent ${c.respondentName}) is overdue; this is the ${levelEn(c.data.level)}. Reason: ${str(c.data.reason)}.`],
  escalated_to_office_head: (c) => [`Review overdue: ${c.caseNumber}`, `No review decision on ${c.caseNumber} within the period; referred to the head of the office.`],
  extension_requested: (c) => [`Extension requested: ${c.caseNumber}`, `${unitEn(c)} asks for ${str(c.data.days)} more days on ${c.caseNumber}. Reason: ${str(c.data.reason)}.`],
  extension_approved: (c) => [`Extension approved: ${c.caseNumber}`, `${str(c.data.days)} more days on ${c.caseNumber} are approved; the new deadline is ${due(c)} Beijing time.`],
  extension_denied: (c) => [`Extension denied: ${c.caseNumber}`, `The extension of ${c.caseNumber} is denied; the deadline stands.`],
  case_returned: (c) => [`Case handed back: ${c.caseNumber}`, `${unitEn(c)} handed back ${c.caseNumber}. Reason: ${str(c.data.reason)}.`],
  result: (c) => [`Result of your complaint: ${c.caseNumber}`, `Your complaint against ${c.respondentName} (${c.caseNumber}) has a result: ${outcomeEn(c.data.outcome)}. Please say whether you are satisfied; silence counts as no objection.`],
  result_report: (c) => [`Result reported: ${c.caseNumber}`, `${unitEn(c)} reported the result of ${c.caseNumber}: ${outcomeEn(c.data.outcome)}.`],
  feedback_given: (c) => [`Complainant feedback: ${c.caseNumber}`, `The complainant is ${c.data.satisfied ? 'satisfied' : 'not satisfied'} with the result of ${c.caseNumber}. ${str(c.data.comment)}`],
  case_reopened: (c) => [`Case reopened: ${c.caseNumber}`, `${c.caseNumber} goes back to ${unitEn(c)}. Reason: ${str(c.data.reason)}.`],
  instalment_confirmation: (c) => [`Please confirm an instalment: ${c.caseNumber}`, `Instalment ${str(c.data.n)} of ${str(c.data.amount)} yuan was due on ${str(c.data.dueDate)}. Please confirm whether you received it.`],
  instalment_missed: (c) => [`Instalment missed: ${c.caseNumber}`, `Instalment ${str(c.data.n)} of ${c.caseNumber} was not paid; the case is reopened.`],
  withdrawn: (c) => [`Complaint withdrawn: ${c.caseNumber}`, `The complainant withdrew ${c.caseNumber}. Reason: ${str(c.data.reason)}.`],
  closed: (c) => [`Case closed: ${c.caseNumber}`, `${c.caseNumber} (respondent ${c.respondentName}) is closed. ${str(c.data.reason ?? c.data.note)}`],
  found_serious: (c) => [`Case found serious: ${c.caseNumber}`, `${c.caseNumber} is found serious; sanctions against ${c.respondentName} follow. Reason: ${str(c.data.reason)}.`],
  respondent_measure: (c) => [`Measure against the respondent: ${c.caseNumber}`, `${c.respondentName} does not cooperate on ${c.caseNumber}: ${c.eventType.replace(/_/g, ' ')} (level ${str(c.data.level)}).`],
  sanction_order_impose: (c) => [`Sanction order: ${c.caseNumber}`, `Under Art. 26 of the Regulations please apply to ${c.respondentName} (${str(c.data.respondentCreditCode, 'no credit code')}): ${measureEn(c.data.measure)}. Case ${c.caseNumber}, order ${str(c.data.orderId)}.`],
  sanction_order_lift: (c) => [`Credit repair order: ${c.caseNumber}`, `${c.respondentName} (${str(c.data.respondentCreditCode, 'no credit code')}) paid in full and the publicity period is over: please lift ${measureEn(c.data.measure)}. Case ${c.caseNumber}, order ${str(c.data.orderId)}.`],
  dishonest_payer_listed: (c) => [`Respondent listed as a dishonest payer: ${c.caseNumber}`, `${c.respondentName} is on the public list of dishonest payers since ${beijingTime(c.data.since)} (${c.caseNumber}).`],
  dishonest_payer_delisted: (c) => [`Respondent removed from the dishonest-payer list: ${c.caseNumber}`, `${c.respondentName} paid in full; the listing is lifted as of ${beijingTime(c.data.at)} (${c.caseNumber}).`],
};

/** Renders a template in the language asked for, or in English when that language has no text for it. */
/** The SMS template: one short line with the platform's signature (短信签名), the subject and the case number. */
export function smsText(subject: string, caseNumber: string): string {
  const text = `【防城港市中小企业款项支付投诉平台】${subject}`;
  return text.includes(caseNumber) ? text : `${text}（${caseNumber}）`;
}

export function renderTemplate(key: TemplateKey, language: Language, ctx: TemplateContext): RenderedMessage {
  const zh = language === 'zh-CN' ? ZH[key] : undefined;
  const [subject, body] = (zh ?? EN[key])(ctx);
  return { subject, body: body.trim(), language: zh ? 'zh-CN' : 'en' };
}
