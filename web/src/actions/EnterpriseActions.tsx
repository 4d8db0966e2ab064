import { useId, useState, type FormEvent } from 'react';
import { isTerminal } from '@domain/case-status';
import { api } from '../api';
import { useFormat, useLang, useText } from '../i18n';
import { OUTCOME_LABEL } from '../labels';
import type { InstalmentJson } from '../types';
import { ErrorBox, TextArea, useCommand } from '../ui';
import { feedbackGivenOnLatestResult, fieldMessage, informationRequestNote, useIssueFor } from '../explain';
import { ActionCard, CommandForm, type ActionProps } from './CommandForm';
import '../pages/parties.css';

const TEXT = {
  zh: {
    heading: '您可以做的',
    feedbackTitle: '评价处理结果',
    feedbackIntro: '逾期未评价的，视为对处理结果无异议。',
    outcome: '处理结果',
    paid: '已支付金额',
    satisfiedQuestion: '您对处理结果是否满意？',
    yes: '满意',
    no: '不满意',
    comment: '评价意见（选填）',
    commentHint: '不满意的，请说明理由；案件可退回承办单位重新办理一次。',
    chooseOne: '请选择“满意”或“不满意”',
    sendFeedback: '提交评价',
    feedbackDone: '您已提交评价，市办公室将决定是否办结。',
    planTitle: '确认还款计划履行情况',
    planIntro: '每期款项到账后请及时确认。选择“未收到”的，案件将重新交承办单位办理。',
    instalment: (n: number) => `第 ${n} 期`,
    due: '到期日',
    confirmPaid: (n: number) => `确认已收到第 ${n} 期款项`,
    notPaid: '未收到',
    instalmentState: { open: '待确认', paid: '已收到', missed: '未按期支付' },
    supplementTitle: '补充材料',
    officeAsks: '市办公室的要求：',
    supplement: '补充说明',
    supplementHint: '请逐项回应市办公室的要求。提交后重新开始审核期限。',
    sendSupplement: '提交补充材料',
    withdrawTitle: '撤回投诉',
    withdrawIntro: '撤回后本案终止处理，不能恢复。',
    withdrawReason: '撤回理由',
    withdraw: '撤回投诉',
    confirmQuestion: '确定要撤回这件投诉吗？撤回后不能恢复。',
    confirmWithdraw: '确认撤回',
    cancel: '取消',
    busy: '正在提交…',
  },
  en: {
    heading: 'What you can do',
    feedbackTitle: 'Your view of the result',
    feedbackIntro: 'If you do not answer in time, that counts as no objection.',
    outcome: 'Outcome',
    paid: 'Amount paid',
    satisfiedQuestion: 'Are you satisfied with the result?',
    yes: 'Satisfied',
    no: 'Not satisfied',
    comment: 'Comment (optional)',
    commentHint: 'If you are not satisfied, say why; the case can go back to the unit once.',
    chooseOne: 'Choose “Satisfied” or “Not satisfied”',
    sendFeedback: 'Send feedback',
    feedbackDone: 'You have given your feedback; the city office will decide whether to close the case.',
    planTitle: 'Confirm the payment plan',
    planIntro: 'Confirm each instalment once the money has reached you. “Not received” sends the case back to the unit.',
    instalment: (n: number) => `Instalment ${n}`,
    due: 'due',
    confirmPaid: (n: number) => `Confirm instalment ${n} received`,
    notPaid: 'Not received',
    instalmentState: { open: 'Awaiting confirmation', paid: 'Received', missed: 'Not paid on time' },
    supplementTitle: 'Supply information',
    officeAsks: 'The city office asks:',
    supplement: 'Your answer',
    supplementHint: 'Answer each point the city office raised. The review period starts again once you send it.',
    sendSupplement: 'Send the information',
    withdrawTitle: 'Withdraw the complaint',
    withdrawIntro: 'Withdrawing ends the case for good.',
    withdrawReason: 'Reason for withdrawing',
    withdraw: 'Withdraw the complaint',
    confirmQuestion: 'Withdraw this complaint? This cannot be undone.',
    confirmWithdraw: 'Yes, withdraw',
    cancel: 'Cancel',
    busy: 'Sending…',
  },
};

/** What the complaining enterprise can do on its case page; each form answers with the API's own messages. */
export function EnterpriseActions({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const headingId = useId();
  if (isTerminal(c.status)) return null;
  return (
    <section className="pt-party-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      {c.status === 'result_reported' && <FeedbackForm c={c} onChanged={onChanged} />}
      {c.status === 'monitoring_plan' && <InstalmentList c={c} onChanged={onChanged} />}
      {c.status === 'needs_information' && <SupplementForm c={c} onChanged={onChanged} />}
      <WithdrawForm c={c} onChanged={onChanged} />
    </section>
  );
}

function FeedbackForm({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const fmt = useFormat();
  const outcomes = useText(OUTCOME_LABEL);
  const name = useId();
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const cmd = useCommand(() => api('POST', `/complaints/${c.id}/feedback`, { satisfied, ...(comment.trim() ? { comment: comment.trim() } : {}) }), onChanged);
  const issue = useIssueFor(cmd.error);
  if (feedbackGivenOnLatestResult(c))
    return (
      <ActionCard title={t.feedbackTitle}>
        <p className="notice">{t.feedbackDone}</p>
      </ActionCard>
    );
  const submit = () => {
    if (satisfied === null) {
      setMissing(true);
      return;
    }
    void cmd.send();
  };
  const choiceError = missing && satisfied === null ? t.chooseOne : issue('satisfied', t.satisfiedQuestion);
  return (
    <ActionCard title={t.feedbackTitle} intro={t.feedbackIntro}>
      {c.result && (
        <dl className="pt-result-brief">
          <dt>{t.outcome}</dt>
          <dd>{outcomes[c.result.outcome]}</dd>
          {c.result.paidAmount && (
            <>
              <dt>{t.paid}</dt>
              <dd>{fmt.yuan(c.result.paidAmount)}</dd>
            </>
          )}
        </dl>
      )}
      <CommandForm cmd={cmd} onSubmit={submit} className="primary" label={t.sendFeedback} busyLabel={t.busy}>
        <fieldset className={`pt-radio-group${choiceError ? ' field-invalid' : ''}`} aria-describedby={choiceError ? `${name}-error` : undefined}>
          <legend>{t.satisfiedQuestion}</legend>
          {([true, false] as const).map((value) => (
            <label key={String(value)} className="pt-radio">
              <input type="radio" name={name} checked={satisfied === value} onChange={() => setSatisfied(value)} />
              {value ? t.yes : t.no}
            </label>
          ))}
          {choiceError && (
            <p className="field-error" id={`${name}-error`}>
              {choiceError}
            </p>
          )}
        </fieldset>
        <TextArea label={t.comment} hint={t.commentHint} value={comment} onChange={(e) => setComment(e.target.value)} error={issue('comment', t.comment)} />
      </CommandForm>
    </ActionCard>
  );
}

function InstalmentList({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const fmt = useFormat();
  const [sending, setSending] = useState<number | null>(null);
  const cmd = useCommand(async (n: number, paid: boolean) => {
    setSending(n);
    try {
      await api('POST', `/complaints/${c.id}/instalments/${n}/confirm`, { paid });
    } finally {
      setSending(null);
    }
  }, onChanged);
  const plan = [...c.plan].sort((a, b) => a.n - b.n);
  const stateClass = (i: InstalmentJson) => (i.state === 'paid' ? 'pt-ok-text' : i.state === 'missed' ? 'late' : '');
  return (
    <ActionCard title={t.planTitle} intro={t.planIntro}>
      <ul className="pt-instalments">
        {plan.map((i) => (
          <li key={i.n} className="pt-instalment">
            <div className="pt-instalment-facts">
              <strong>{t.instalment(i.n)}</strong>
              <span>{fmt.yuan(i.amount)}</span>
              <span className="muted">
                {t.due} {fmt.date(i.dueDate)}
              </span>
              <span className={stateClass(i)}>{t.instalmentState[i.state]}</span>
            </div>
            {i.state === 'open' && (
              <div className="pt-instalment-buttons" role="group" aria-label={t.instalment(i.n)}>
                <button type="button" className="primary" disabled={cmd.busy} onClick={() => void cmd.send(i.n, true)}>
                  {sending === i.n ? t.busy : t.confirmPaid(i.n)}
                </button>
                <button type="button" disabled={cmd.busy} onClick={() => void cmd.send(i.n, false)}>
                  {t.notPaid}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ErrorBox error={cmd.error} />
    </ActionCard>
  );
}

function SupplementForm({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const [text, setText] = useState('');
  const cmd = useCommand(() => api('POST', `/complaints/${c.id}/supplements`, { text }), onChanged);
  const issue = useIssueFor(cmd.error);
  const note = informationRequestNote(c);
  return (
    <ActionCard title={t.supplementTitle}>
      {note && (
        <p className="pt-office-note">
          <strong>{t.officeAsks}</strong> {note}
        </p>
      )}
      <CommandForm cmd={cmd} className="primary" label={t.sendSupplement} busyLabel={t.busy}>
        <TextArea label={t.supplement} hint={t.supplementHint} rows={5} value={text} onChange={(e) => setText(e.target.value)} error={issue('text', t.supplement)} />
      </CommandForm>
    </ActionCard>
  );
}

function WithdrawForm({ c, onChanged }: ActionProps) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const [missing, setMissing] = useState(false);
  const cmd = useCommand(() => api('POST', `/complaints/${c.id}/withdraw`, { reason }), onChanged);
  const issue = useIssueFor(cmd.error);
  const reasonError = missing && !reason.trim() ? fieldMessage(t.withdrawReason, 'is required', lang) : issue('reason', t.withdrawReason);
  const ask = (e: FormEvent) => {
    e.preventDefault();
    // The same rule as the API's ("is required"), checked before asking for confirmation.
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setConfirming(true);
  };
  return (
    <ActionCard title={t.withdrawTitle} intro={t.withdrawIntro}>
      <form onSubmit={ask} noValidate>
        <TextArea label={t.withdrawReason} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} readOnly={confirming} />
        <ErrorBox error={cmd.error} />
        {confirming ? (
          <div className="pt-confirm-panel">
            <p id={questionId}>
              <strong>{t.confirmQuestion}</strong>
            </p>
            <div className="pt-button-row">
              <button
                type="button"
                className="danger"
                // The question appears in place of the button just pressed: the keyboard moves to the answer.
                autoFocus
                aria-describedby={questionId}
                disabled={cmd.busy}
                onClick={() =>
                  void cmd.send().then((ok) => {
                    if (!ok) setConfirming(false);
                  })
                }
              >
                {cmd.busy ? t.busy : t.confirmWithdraw}
              </button>
              <button type="button" disabled={cmd.busy} onClick={() => setConfirming(false)}>
                {t.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="danger">
            {t.withdraw}
          </button>
        )}
      </form>
    </ActionCard>
  );
}
