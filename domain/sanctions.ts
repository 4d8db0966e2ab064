/**
 * Sanctions for a serious case (work plan §2(4), Regulation Art. 26): which measures apply to which
 * respondent, and the order in which credit repair lifts them. Each measure is one order to one agency.
 */
import type { RespondentType } from './case-status';

export const MEASURES = [
  'spending_restriction',
  'credit_record',
  'credit_publicity',
  'financial_credit_database',
  'joint_punishment',
  'market_regulation',
  'support_limits',
  'audit_flag',
] as const;
export type Measure = (typeof MEASURES)[number];

export const SANCTION_KINDS = ['impose', 'lift'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const MEASURE_TEXT: Record<Measure, { zh: string; en: string }> = {
  spending_restriction: { zh: '限制公务消费、办公用房和经费安排', en: 'restrictions on official spending, office space and funding' },
  credit_record: { zh: '纳入市公共信用信息系统失信记录', en: 'dishonesty record in the city credit information system' },
  credit_publicity: { zh: '在信用网站及国家企业信用信息公示系统（广西）公示', en: 'disclosure on the city credit website and the National Enterprise Credit Information Publicity System (Guangxi)' },
  financial_credit_database: { zh: '纳入金融信用信息基础数据库', en: 'entry into the financial credit database' },
  joint_punishment: { zh: '联合惩戒', en: 'joint punishment' },
  market_regulation: { zh: '年报虚假信息依法处理', en: 'false annual report referred to market regulation' },
  support_limits: { zh: '限制财政资金支持、项目审批、融资、市场准入、资质评定和评优评先', en: 'limits on fiscal support, project approval, financing, market access, qualifications and awards' },
  audit_flag: { zh: '列为年度审计和经济责任审计重点', en: "flag for annual audits and officials' economic-responsibility audits" },
};

/** Organs and institutions: budget restrictions through the Finance Bureau. */
const PUBLIC_BODY_MEASURES: readonly Measure[] = ['spending_restriction'];
/** Any respondent in a serious case. */
const SERIOUS_CASE_MEASURES: readonly Measure[] = ['credit_record', 'credit_publicity', 'financial_credit_database', 'joint_punishment'];
/** Large enterprises only. */
const LARGE_ENTERPRISE_MEASURES: readonly Measure[] = ['market_regulation', 'support_limits'];
/** Everyone. */
const ALL_RESPONDENTS_MEASURES: readonly Measure[] = ['audit_flag'];

/** The measures a serious case imposes on a respondent of this type, in the order they are issued. */
export function measuresFor(respondentType: RespondentType): Measure[] {
  switch (respondentType) {
    case 'government_organ':
    case 'public_institution':
      return [...PUBLIC_BODY_MEASURES, ...SERIOUS_CASE_MEASURES, ...ALL_RESPONDENTS_MEASURES];
    case 'large_enterprise':
      return [...SERIOUS_CASE_MEASURES, ...LARGE_ENTERPRISE_MEASURES, ...ALL_RESPONDENTS_MEASURES];
  }
}

/**
 * Credit repair undoes the sanctions like a saga's compensations: the last measure imposed is lifted
 * first. A measure imposed twice is lifted once.
 */
export function liftOrderSequence(imposed: readonly Measure[]): Measure[] {
  const lifted: Measure[] = [];
  for (const measure of [...imposed].reverse()) if (!lifted.includes(measure)) lifted.push(measure);
  return lifted;
}

export function isMeasure(value: string): value is Measure {
  return (MEASURES as readonly string[]).includes(value);
}
