import type { CaseStatus, Outcome, RejectionReason, RespondentType, EnterpriseSize } from '@domain/case-status';
import type { Texts } from './i18n';
import type { CaseDeadlineJson, Role } from './types';

/** The service's vocabulary in both languages: one place, so every page names a status the same way. */
export const STATUS_LABEL: Texts<Record<CaseStatus, string>> = {
  zh: {
    submitted: '待审核',
    needs_information: '待补充材料',
    rejected: '不予受理',
    forwarded: '已转办待签收',
    handling: '办理中',
    result_reported: '已反馈结果',
    monitoring_plan: '还款计划履行中',
    closed: '已办结',
    withdrawn: '已撤回',
  },
  en: {
    submitted: 'Awaiting review',
    needs_information: 'Information requested',
    rejected: 'Not accepted',
    forwarded: 'Forwarded, awaiting signature',
    handling: 'Being handled',
    result_reported: 'Result reported',
    monitoring_plan: 'Payment plan under way',
    closed: 'Closed',
    withdrawn: 'Withdrawn',
  },
};

export const OUTCOME_LABEL: Texts<Record<Outcome, string>> = {
  zh: { paid_in_full: '已全额支付', payment_plan: '达成还款计划', no_arrears_found: '经核实不存在欠款', referred_to_litigation: '转司法途径', respondent_refuses: '被投诉方拒不支付' },
  en: { paid_in_full: 'Paid in full', payment_plan: 'Payment plan agreed', no_arrears_found: 'No arrears found', referred_to_litigation: 'Referred to litigation', respondent_refuses: 'Respondent refuses to pay' },
};

export const REJECTION_LABEL: Texts<Record<RejectionReason, string>> = {
  zh: {
    not_sme: '投诉人不属于中小企业',
    respondent_not_covered: '被投诉方不是机关、事业单位或大型企业',
    no_contract: '双方不存在合同关系',
    not_goods_works_services: '欠款不是因采购货物、工程、服务产生',
    other_proceedings: '已由法院、仲裁机构或其他部门处理',
    already_answered: '已答复且无新的事实理由',
    incomplete: '材料不齐全',
  },
  en: {
    not_sme: 'Not a small or medium enterprise',
    respondent_not_covered: 'Respondent is not a government body, public institution or large enterprise',
    no_contract: 'No contract between the parties',
    not_goods_works_services: 'Debt not from buying goods, works or services',
    other_proceedings: 'Already before a court, arbitration or another department',
    already_answered: 'Already answered, no new facts',
    incomplete: 'Material incomplete',
  },
};

export const RESPONDENT_TYPE_LABEL: Texts<Record<RespondentType, string>> = {
  zh: { government_organ: '机关', public_institution: '事业单位', large_enterprise: '大型企业' },
  en: { government_organ: 'Government body', public_institution: 'Public institution', large_enterprise: 'Large enterprise' },
};

export const SIZE_LABEL: Texts<Record<EnterpriseSize, string>> = {
  zh: { medium: '中型', small: '小型', micro: '微型' },
  en: { medium: 'Medium', small: 'Small', micro: 'Micro' },
};

export const DEADLINE_LABEL: Texts<Record<CaseDeadlineJson['name'], string>> = {
  zh: { review: '审核', sign: '签收', handling: '办理', feedback: '评价', instalment: '分期付款' },
  en: { review: 'Review', sign: 'Signature', handling: 'Handling', feedback: 'Feedback', instalment: 'Instalment' },
};

export const DEADLINE_STATE_LABEL: Texts<Record<CaseDeadlineJson['state'] | 'extended', string>> = {
  zh: { open: '进行中', met: '按时完成', missed: '已超期', cancelled: '已取消', extended: '已延期' },
  en: { open: 'Open', met: 'Met', missed: 'Missed', cancelled: 'Cancelled', extended: 'Extended' },
};

export const ESCALATION_LABEL: Texts<Record<number, string>> = {
  zh: { 0: '无', 1: '催办', 2: '督办', 3: '约谈、通报' },
  en: { 0: 'None', 1: 'Reminder notice', 2: 'Supervision order', 3: 'Summons and circular' },
};

export const ROLE_LABEL: Texts<Record<Role, string>> = {
  zh: { complainant: '企业', unit: '承办单位', office: '市办公室', admin: '管理员' },
  en: { complainant: 'Enterprise', unit: 'Handling unit', office: 'City office', admin: 'Administrator' },
};
