import { useId, useRef, useState } from 'react';
import { OUTCOMES, type Outcome } from '@domain/case-status';
import { fenToYuan, parseYuan } from '@domain/money';
import { api } from '../api';
import { useFormat, useText } from '../i18n';
import { OUTCOME_LABEL } from '../labels';
import { ErrorBox, Select, TextArea, TextInput, useCommand } from '../ui';
import { useIssueFor } from '../explain';
import { ActionCard, CommandForm, type ActionProps } from './CommandForm';
import '../pages/parties.css';

const TEXT = {
  zh: {
    heading: '本单位办理',
    nothing: '本案当前无需本单位操作。',
    signTitle: '签收案件',
    signIntro: '确认本案由本单位办理。签收后开始计算办理期限。',
    sign: '签收',
    signing: '正在签收…',
    extensionTitle: '申请延期',
    extensionIntro: '需经市办公室批准；办理期限累计延长不超过 90 天。',
    days: '延长天数',
    daysHint: '1 至 90 天',
    extensionReason: '延期理由',
    requestExtension: '申请延期',
    pending: (days: number, reason: string) => `已申请延期 ${days} 天（理由：${reason}），等待市办公室决定。`,
    returnTitle: '退回错派案件',
    returnIntro: '本案不属于本单位职责的，说明理由后退回市办公室重新分办。',
    returnReason: '退回理由',
    returnCase: '退回市办公室',
    resultTitle: '报送处理结果',
    resultIntro: '结果将书面告知投诉企业，并报市办公室。',
    outcome: '处理结果',
    choose: '请选择',
    paidAmount: '已支付金额（元）',
    paidHint: '选填。以元为单位，例如 120000.00',
    summary: '处理情况说明',
    summaryHint: '核实情况、协调经过和结果。',
    plan: '还款计划',
    planIntro: '逐期填写到期日和金额。',
    dueDate: (n: number) => `第 ${n} 期到期日`,
    amount: (n: number) => `第 ${n} 期金额（元）`,
    removeRow: (n: number) => `删除第 ${n} 期`,
    addRow: '添加一期',
    total: '计划合计',
    overdue: '逾期未付金额',
    matches: '与逾期未付金额一致。',
    short: (d: string) => `比逾期未付金额少 ${d}。`,
    over: (d: string) => `超出逾期未付金额 ${d}。`,
    unreadable: (n: number) => `有 ${n} 期金额格式不正确，未计入合计。`,
    report: '报送结果',
    busy: '正在提交…',
  },
  en: {
    heading: 'Our handling',
    nothing: 'Nothing for this unit to do on the case right now.',
    signTitle: 'Sign for the case',
    signIntro: 'Confirms that this unit handles the case. The handling period starts when you sign.',
    sign: 'Sign',
    signing: 'Signing…',
    extensionTitle: 'Ask for more time',
    extensionIntro: 'The city office decides; extensions may not exceed 90 days in total.',
    days: 'Extra days',
    daysHint: '1 to 90 days',
    extensionReason: 'Reason for the extension',
    requestExtension: 'Ask for more time',
    pending: (days: number, reason: string) => `${days} more day${days === 1 ? '' : 's'} requested (reason: ${reason}); waiting for the city office’s decision.`,
    returnTitle: 'Hand back a misrouted case',
    returnIntro: 'If the case is not this unit’s responsibility, say why and the city office will route it again.',
    returnReason: 'Reason for handing back',
    returnCase: 'Hand back to the city office',
    resultTitle: 'Report the result',
    resultIntro: 'The enterprise is told the result in writing and the city office receives the report.',
    outcome: 'Outcome',
    choose: 'Choose…',
    paidAmount: 'Amount paid (yuan)',
    paidHint: 'Optional. In yuan, e.g. 120000.00',
    summary: 'How the case was handled',
    summaryHint: 'What was checked, what was done and the result.',
    plan: 'Payment plan',
    planIntro: 'One row per instalment: due date and amount.',
    dueDate: (n: number) => `Instalment ${n} due date`,
    amount: (n: number) => `Instalment ${n} amount (yuan)`,
    removeRow: (n: number) => `Remove instalment ${n}`,
    addRow: 'Add an instalment',
    total: 'Plan total',
    overdue: 'Overdue amount',
    matches: 'Matches the overdue amount.',
    short: (d: string) => `${d} less than the overdue amount.`,
    over: (d: string) => `${d} more than the overdue amount.`,
    unreadable: (n: number) => `${n} amount${n === 1 ? ' is' : 's are'} not readable and not counted.`,
    report: 'Report the result',
    busy: 'Sending…',
  },
};

/** What a handling unit can do on the case page; each form answers with the API's own messages. */
export function UnitActions({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const headingId = useId();
  const forwarded = c.status === 'forwarded';
  const handling = c.status === 'handling';
  return (
    <section className="pt-party-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      {!forwarded && !handling && <p className="muted">{t.nothing}</p>}
      {forwarded && <SignForm c={c} onChanged={onChanged} />}
      {handling && <ResultForm c={c} onChanged={onChanged} />}
      {handling && <ExtensionForm c={c} onChanged={onChanged} />}
      {(forwarded || handling) && <ReturnForm c={c} onChanged={onChanged} />}
    </section>
  );
}

function SignForm({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const cmd = useCommand(() => api('POST', `/complaints/${c.id}/sign`, {}), onChanged);
  return (
    <ActionCard title={t.signTitle} intro={t.signIntro}>
      <ErrorBox error={cmd.error} />
      <button type="button" className="primary" disabled={cmd.busy} onClick={() => void cmd.send()}>
        {cmd.busy ? t.signing : t.sign}
      </button>
    </ActionCard>
  );
}

function ExtensionForm({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const cmd = useCommand(
    // An empty or unreadable number goes as written, so the API names the problem.
    () => api('POST', `/complaints/${c.id}/extension-requests`, { days: days.trim() === '' ? undefined : Number(days), reason }),
    onChanged,
  );
  const issue = useIssueFor(cmd.error);
  if (c.pendingExtension)
    return (
      <ActionCard title={t.extensionTitle}>
        <p className="notice" role="status">
          {t.pending(c.pendingExtension.days, c.pendingExtension.reason)}
        </p>
      </ActionCard>
    );
  return (
    <ActionCard title={t.extensionTitle} intro={t.extensionIntro}>
      <CommandForm cmd={cmd} label={t.requestExtension} busyLabel={t.busy}>
        <div className="pt-days-field">
          <TextInput label={t.days} hint={t.daysHint} type="number" min={1} max={90} step={1} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} error={issue('days', t.days)} />
        </div>
        <TextArea label={t.extensionReason} value={reason} onChange={(e) => setReason(e.target.value)} error={issue('reason', t.extensionReason)} />
      </CommandForm>
    </ActionCard>
  );
}

function ReturnForm({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const [reason, setReason] = useState('');
  const cmd = useCommand(() => api('POST', `/complaints/${c.id}/return`, { reason }), onChanged);
  const issue = useIssueFor(cmd.error);
  return (
    <ActionCard title={t.returnTitle} intro={t.returnIntro}>
      <CommandForm cmd={cmd} label={t.returnCase} busyLabel={t.busy}>
        <TextArea label={t.returnReason} value={reason} onChange={(e) => setReason(e.target.value)} error={issue('reason', t.returnReason)} />
      </CommandForm>
    </ActionCard>
  );
}

interface PlanRow {
  key: number;
  dueDate: string;
  amount: string;
}

function ResultForm({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const fmt = useFormat();
  const outcomes = useText(OUTCOME_LABEL);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [paidAmount, setPaidAmount] = useState('');
  const [summary, setSummary] = useState('');
  const nextKey = useRef(1);
  const newRow = (): PlanRow => ({ key: nextKey.current++, dueDate: '', amount: '' });
  const [rows, setRows] = useState<PlanRow[]>([]);
  const withPlan = outcome === 'payment_plan';

  const cmd = useCommand(
    () =>
      api('POST', `/complaints/${c.id}/result`, {
        outcome: outcome || undefined,
        summary,
        ...(paidAmount.trim() ? { paidAmount: paidAmount.trim() } : {}),
        ...(withPlan ? { plan: rows.map((r) => ({ dueDate: r.dueDate, amount: r.amount.trim() })) } : {}),
      }),
    onChanged,
  );
  const issue = useIssueFor(cmd.error);

  const chooseOutcome = (value: string) => {
    const next = (OUTCOMES as readonly string[]).includes(value) ? (value as Outcome) : '';
    setOutcome(next);
    if (next === 'payment_plan' && rows.length === 0) setRows([newRow()]);
  };
  const updateRow = (key: number, change: Partial<PlanRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));


  const parsed = rows.map((r) => parseYuan(r.amount.trim()));
  const unreadable = rows.filter((r, i) => r.amount.trim() !== '' && !parsed[i]?.ok).length;
  const total = parsed.reduce((sum, p) => (p.ok ? sum + p.fen : sum), 0n);
  const overdue = parseYuan(c.contract.overdueAmount);
  const difference = overdue.ok ? total - overdue.fen : null;
  const planError = issue('plan', t.plan);

  return (
    <ActionCard title={t.resultTitle} intro={t.resultIntro}>
      <CommandForm cmd={cmd} className="primary" label={t.report} busyLabel={t.busy}>
        <Select
          label={t.outcome}
          value={outcome}
          onChange={(e) => chooseOutcome(e.target.value)}
          options={[{ value: '', label: t.choose }, ...OUTCOMES.map((o) => ({ value: o, label: outcomes[o] }))]}
          error={issue('outcome', t.outcome)}
        />
        <div className="pt-amount-field">
          <TextInput label={t.paidAmount} hint={t.paidHint} inputMode="decimal" value={paidAmount} onChange={(e) => setPaidAmount(e.target.value)} error={issue('paidAmount', t.paidAmount)} />
        </div>
        <TextArea label={t.summary} hint={t.summaryHint} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} error={issue('summary', t.summary)} />
        {withPlan && (
          <fieldset className={`pt-plan-editor${planError ? ' field-invalid' : ''}`}>
            <legend>{t.plan}</legend>
            <p className="hint">{t.planIntro}</p>
            <ol className="pt-plan-rows">
              {rows.map((r, i) => (
                <li key={r.key} className="pt-plan-row">
                  <TextInput label={t.dueDate(i + 1)} type="date" value={r.dueDate} onChange={(e) => updateRow(r.key, { dueDate: e.target.value })} error={issue(`plan.${i}.dueDate`, t.dueDate(i + 1))} />
                  <TextInput label={t.amount(i + 1)} inputMode="decimal" value={r.amount} onChange={(e) => updateRow(r.key, { amount: e.target.value })} error={issue(`plan.${i}.amount`, t.amount(i + 1))} />
                  <button type="button" className="link-button pt-remove-row" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    {t.removeRow(i + 1)}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" onClick={() => setRows((rs) => [...rs, newRow()])}>
              {t.addRow}
            </button>
            <p className="pt-plan-total" aria-live="polite">
              <span>
                {t.total} <strong>{fmt.yuan(fenToYuan(total))}</strong> · {t.overdue} {fmt.yuan(c.contract.overdueAmount)}
              </span>{' '}
              {difference !== null && (
                <span className={difference === 0n ? 'pt-ok-text' : 'pt-warn-text'}>
                  {difference === 0n ? t.matches : difference < 0n ? t.short(fmt.yuan(fenToYuan(-difference))) : t.over(fmt.yuan(fenToYuan(difference)))}
                </span>
              )}{' '}
              {unreadable > 0 && <span className="pt-warn-text">{t.unreadable(unreadable)}</span>}
            </p>
            {planError && <p className="field-error">{planError}</p>}
          </fieldset>
        )}
        {!withPlan && planError && <p className="field-error">{planError}</p>}
      </CommandForm>
    </ActionCard>
  );
}
