import { isTerminal } from '@domain/case-status';
import { ApiError } from './api';
import { useFormat, useLang, type Lang } from './i18n';
import type { CaseDeadlineJson, CaseJson, InstalmentJson } from './types';

/**
 * Where a case stands and what happens next, in plain words for the enterprise; plus the countdown
 * a deadline shows and the Chinese rendering of the API's most common validation messages. Kept
 * apart from the pages so the case page, the enterprise's list and the unit's list say the same.
 */

type Format = ReturnType<typeof useFormat>;

/** The open deadlines, soonest first (working days left, else the due time). */
export function openDeadlines(c: CaseJson): CaseDeadlineJson[] {
  return c.deadlines
    .filter((d) => d.state === 'open')
    .sort((a, b) => (a.workingDaysLeft ?? Infinity) - (b.workingDaysLeft ?? Infinity) || a.dueAt.localeCompare(b.dueAt));
}

export function nextOpenDeadline(c: CaseJson, name?: CaseDeadlineJson['name']): CaseDeadlineJson | undefined {
  return openDeadlines(c).find((d) => !name || d.name === name);
}

/** What the case is waiting for, and how urgent it is. */
export interface PendingDeadline {
  deadline: CaseDeadlineJson;
  /** Working days left (negative once late); absent when the API does not count them. */
  workingDaysLeft?: number;
  late: boolean;
}

/**
 * The deadline an open case is waiting on: the soonest open one; failing that, a missed one that
 * nothing came after (a case forwarded whose signature is overdue still waits for it, escalated).
 */
export function pendingDeadline(c: CaseJson, name?: CaseDeadlineJson['name']): PendingDeadline | undefined {
  if (isTerminal(c.status)) return undefined;
  const open = nextOpenDeadline(c, name);
  if (open) return { deadline: open, workingDaysLeft: open.workingDaysLeft, late: (open.workingDaysLeft ?? 0) < 0 };
  const opened = (d: CaseDeadlineJson) => d.openedAt ?? d.dueAt;
  const latest = [...c.deadlines].filter((d) => d.state !== 'cancelled').sort((a, b) => opened(b).localeCompare(opened(a)))[0];
  if (latest?.state === 'missed' && (!name || latest.name === name)) return { deadline: latest, late: true };
  return undefined;
}

/** The earliest instalment of a payment plan still waiting for the enterprise's confirmation. */
export function nextOpenInstalment(c: CaseJson): InstalmentJson | undefined {
  return c.plan.filter((i) => i.state === 'open').sort((a, b) => a.n - b.n)[0];
}

/** True when the enterprise has already answered the latest reported result. */
export function feedbackGivenOnLatestResult(c: CaseJson): boolean {
  let given = false;
  for (const entry of [...c.timeline].sort((a, b) => a.seq - b.seq)) {
    if (entry.what === 'result_reported') given = false;
    if (entry.what === 'feedback_given') given = true;
  }
  return given;
}

/** The note the office left with its latest request for information, if any. */
export function informationRequestNote(c: CaseJson): string | undefined {
  const requests = c.timeline.filter((e) => e.what === 'information_requested').sort((a, b) => b.seq - a.seq);
  const note = requests[0]?.data.note;
  return typeof note === 'string' && note.trim() ? note : undefined;
}

export interface Countdown {
  text: string;
  /** `late` once passed, `soon` within three working days: the shared stylesheet's classes. */
  className: 'late' | 'soon' | '';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Working days left as text; `undefined` days means late by an amount the API did not count. */
export function countdown(days: number | undefined, lang: Lang): Countdown {
  if (days === undefined) return { className: 'late', text: lang === 'zh' ? '已超期' : 'Late' };
  const className = days < 0 ? 'late' : days <= 3 ? 'soon' : '';
  if (lang === 'zh') return { className, text: days < 0 ? `已超期 ${-days} 个工作日` : days === 0 ? '今天到期' : `剩 ${days} 个工作日` };
  return { className, text: days < 0 ? `${plural(-days, 'working day')} late` : days === 0 ? 'Due today' : `${plural(days, 'working day')} left` };
}

export function useCountdown(): (days: number | undefined) => Countdown {
  const { lang } = useLang();
  return (days) => countdown(days, lang);
}

export interface CaseExplanation {
  /** Where the case stands. */
  now: string;
  /** What happens next, and who does it. */
  next: string;
  /** The enterprise itself has something to do. */
  yourTurn: boolean;
}

/** "within 5 working days" / "today"; a passed deadline says how late it is. */
function within(pending: PendingDeadline | undefined, fallback: number, lang: Lang): { late: boolean; text: string } {
  if (pending?.late && pending.workingDaysLeft === undefined) return { late: true, text: lang === 'zh' ? '已超期' : 'overdue' };
  const d = pending?.workingDaysLeft ?? fallback;
  if (lang === 'zh') return d < 0 ? { late: true, text: `已超期 ${-d} 个工作日` } : { late: false, text: d === 0 ? '今天内' : ` ${d} 个工作日内` };
  return d < 0 ? { late: true, text: `${plural(-d, 'working day')} late` } : { late: false, text: d === 0 ? 'today' : `within ${plural(d, 'working day')}` };
}

export function explainCase(c: CaseJson, lang: Lang, fmt: Format): CaseExplanation {
  const zh = lang === 'zh';
  const left = (name: CaseDeadlineJson['name']) => pendingDeadline(c, name);
  switch (c.status) {
    case 'submitted': {
      const w = within(left('review'), 10, lang);
      return {
        now: zh ? '投诉已提交，等待市办公室审核。' : 'Your complaint has been filed and awaits the city office’s review.',
        next: w.late
          ? zh ? `审核${w.text}，市办公室已收到催办提醒。` : `The review is ${w.text}; the city office has been reminded.`
          : zh ? `市办公室将在${w.text}审核。` : `The city office will review it ${w.text}.`,
        yourTurn: false,
      };
    }
    case 'needs_information':
      return {
        now: zh ? '市办公室需要您补充材料。' : 'The city office needs more information from you.',
        next: zh ? '请在案件页面提交补充材料；提交后重新开始审核期限。' : 'Please supply the information on the case page; the review period then starts again.',
        yourTurn: true,
      };
    case 'rejected':
      return {
        now: zh ? '市办公室决定不予受理。' : 'The city office did not accept the complaint.',
        next: zh ? '理由见案件页面。有新的事实和理由时，可以重新投诉。' : 'The reason is on the case page. With new facts you may file again.',
        yourTurn: false,
      };
    case 'forwarded':
      return {
        now: zh ? '已受理，已转交承办单位，等待签收。' : 'Accepted and forwarded to the handling unit, awaiting its signature.',
        next: c.unitId === null
          ? zh ? '市办公室正在为本案指定承办单位。' : 'The city office is choosing the handling unit.'
          : (() => {
              const w = within(left('sign'), 3, lang);
              return w.late
                ? zh ? `承办单位签收${w.text}，市办公室正在催办。` : `The unit’s signature is ${w.text}; the city office is chasing it.`
                : zh ? `承办单位应在${w.text}签收，随后开始办理。` : `The unit should sign for it ${w.text} and then start handling it.`;
            })(),
        yourTurn: false,
      };
    case 'handling': {
      const w = within(left('handling'), 30, lang);
      const extension = c.pendingExtension
        ? zh ? `承办单位已申请延期 ${c.pendingExtension.days} 天，等待市办公室决定。` : `The unit has asked for ${plural(c.pendingExtension.days, 'more day')}; the city office will decide.`
        : '';
      return {
        now: zh ? '承办单位正在核实办理。' : 'The handling unit is looking into the case.',
        next:
          (w.late
            ? zh ? `办理${w.text}，市办公室正在督办。` : `Handling is ${w.text}; the city office is supervising it.`
            : zh ? `承办单位应在${w.text}报送处理结果。` : `The unit should report the result ${w.text}.`) + (extension ? `${zh ? '' : ' '}${extension}` : ''),
        yourTurn: false,
      };
    }
    case 'result_reported': {
      if (feedbackGivenOnLatestResult(c))
        return {
          now: zh ? '承办单位已反馈处理结果，您已提交评价。' : 'The unit reported its result and you have given your feedback.',
          next: zh ? '市办公室将决定是否办结。' : 'The city office will decide whether to close the case.',
          yourTurn: false,
        };
      const w = within(left('feedback'), 10, lang);
      return {
        now: zh ? '承办单位已反馈处理结果。' : 'The handling unit has reported its result.',
        next: w.late
          ? zh ? '评价期限已过，视为无异议。' : 'The feedback period has passed; silence counts as no objection.'
          : zh ? `请评价处理结果（${w.text.trim()}；逾期未评价视为无异议）。` : `Please say whether you are satisfied (${w.text}; silence counts as no objection).`,
        yourTurn: !w.late,
      };
    }
    case 'monitoring_plan': {
      const due = nextOpenInstalment(c);
      const upcoming = due
        ? zh ? `下一期：第 ${due.n} 期 ${fmt.yuan(due.amount)}，${fmt.date(due.dueDate)}到期。` : `Next: instalment ${due.n}, ${fmt.yuan(due.amount)}, due ${fmt.date(due.dueDate)}.`
        : '';
      return {
        now: zh ? '已达成还款计划，正在跟踪履行。' : 'A payment plan was agreed and is being followed up.',
        next: (zh ? '请在每期款项到账后确认；未按期支付的，案件将重新交承办单位办理。' : 'Please confirm each instalment once it reaches you; a missed instalment sends the case back to the unit.') + (upcoming ? `${zh ? '' : ' '}${upcoming}` : ''),
        yourTurn: Boolean(due),
      };
    }
    case 'closed':
      return {
        now: zh ? '案件已办结。' : 'The case is closed.',
        next: zh ? '无需进一步操作。' : 'Nothing more to do.',
        yourTurn: false,
      };
    case 'withdrawn':
      return {
        now: zh ? '您已撤回投诉。' : 'You withdrew the complaint.',
        next: zh ? '无需进一步操作。' : 'Nothing more to do.',
        yourTurn: false,
      };
  }
}

export function useExplainCase(): (c: CaseJson) => CaseExplanation {
  const { lang } = useLang();
  const fmt = useFormat();
  return (c) => explainCase(c, lang, fmt);
}

export const isOpenCase = (c: CaseJson) => !isTerminal(c.status);

/**
 * The Chinese rendering of the API's (and the domain schema's) most common messages; anything else
 * stays in the API's English. The check-character failure keeps the original, which names the
 * expected character.
 */
export function issueInChinese(message: string): string | undefined {
  const exact: Record<string, string> = {
    'is required': '必填',
    'must be a phone number': '请填写有效的电话号码',
    'must be an email address': '请填写有效的电子邮箱地址',
    'needs an email or a webhookUrl so the result can reach you': '请填写电子邮箱，以便接收处理结果',
    'may not exceed amount': '不能超过合同金额',
    'must be a date written YYYY-MM-DD': '请填写有效日期（年-月-日）',
    'is not a real calendar date': '日期不存在',
    'cannot be before signedOn': '不能早于签订日期',
    'must be true': '请勾选确认',
    'must be 64 hex characters': '文件指纹应为 64 位十六进制字符',
    'a complainant key may only file for its own credit code': '只能以登录密钥所属企业的统一社会信用代码投诉',
    'is required when outcome is payment_plan': '处理结果为“达成还款计划”时必须填写还款计划',
  };
  const hit = exact[message];
  if (hit) return hit;
  if (message.startsWith('must be a decimal string in yuan')) return '请填写以元为单位的金额，最多两位小数，例如 125000.50';
  if (message.startsWith('must be an annual rate')) return '请填写小于 1 的小数年利率，例如 0.0385';
  if (message.startsWith('must be true:')) return '请确认后勾选（已由法院、仲裁机构或其他部门处理的纠纷不予受理）';
  if (message.startsWith('must be one of') || message.startsWith('Invalid option')) return '请从列表中选择';
  const max = /^must be at most (\d+) characters$/.exec(message);
  if (max) return `不能超过 ${max[1]} 个字符`;
  const length = /^A unified social credit code has 18 characters; this one has (\d+)\.$/.exec(message);
  if (length) return `统一社会信用代码应为 18 位，当前为 ${length[1]} 位`;
  if (message.startsWith('The check character should be')) return `统一社会信用代码校验位不正确（${message}）`;
  if (/^(Character \d+|The first character|The second character|Characters 3–8)/.test(message)) return `统一社会信用代码格式不正确（${message}）`;
  if (/^Too (small|big): expected number/.test(message)) return `数值超出允许范围（${message}）`;
  if (message.startsWith('Invalid input: expected number')) return '请填写数字';
  if (message.startsWith('Invalid input: expected boolean')) return '请选择一项';
  return undefined;
}

/** A field's message as shown under it: the field's name, then the message (in Chinese where we have it). */
export function fieldMessage(label: string, message: string, lang: Lang): string {
  const name = label.replace(/（选填）$|\s*\(optional\)$/, '');
  if (lang === 'en') return `${name}: ${message}`;
  const zh = issueInChinese(message) ?? message;
  // The credit-code rendering already names the field.
  return zh.startsWith(name) ? zh : `${name}：${zh}`;
}

/** A form's field messages from a refused command: `issue("plan.0.amount", label)`, ready to show under the field. */
export function useIssueFor(error: unknown): (path: string, label: string) => string | undefined {
  const { lang } = useLang();
  return (path, label) => {
    const message = error instanceof ApiError ? error.issueFor(path) : undefined;
    return message ? fieldMessage(label, message, lang) : undefined;
  };
}
