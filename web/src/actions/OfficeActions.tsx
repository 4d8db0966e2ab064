import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { useText } from '../i18n';
import { REJECTION_LABEL } from '../labels';
import { REJECTION_REASONS } from '@domain/case-status';
import type { CaseJson, UnitJson } from '../types';
import { ErrorBox, Select, TextArea, TextInput, useAsync, useCommand } from '../ui';
import { CommandForm } from './CommandForm';
import '../pages/office.css';

const TEXT = {
  zh: {
    title: '办公室操作',
    none: '此案件已结束，不能再作出决定。',
    done: '已提交，案件已更新。',
    review: '审核',
    reviewHint: '投诉待审核：受理并转办、不予受理，或要求企业补充材料。',
    unit: '承办单位',
    unitAuto: '按分办规则自动确定',
    unitHint: '不选择则按分办规则转办给负责的承办单位。',
    acceptNote: '受理意见（可选）',
    accept: '受理',
    reject: '不予受理',
    rejectReason: '不予受理的理由',
    chooseReason: '请选择法定理由',
    rejectNote: '说明（可选）',
    rejectButton: '驳回',
    info: '要求补充材料',
    infoNote: '需要企业补充的内容',
    infoButton: '要求补充材料',
    supplement: '代企业补充材料',
    supplementHint: '企业通过电话、信函或来访补充的材料，由办公室登记。',
    supplementText: '补充内容',
    supplementButton: '登记补充材料',
    extension: '延期申请',
    extensionAsk: (days: number, reason: string) => `承办单位申请延期 ${days} 天，理由：${reason}`,
    extensionDays: '批准延期天数',
    extensionDaysHint: '默认为申请的天数；办理期限合计不得超过 90 天。',
    approve: '批准延期',
    deny: '不批准延期',
    reassign: '改派承办单位',
    newUnit: '新的承办单位',
    chooseUnit: '请选择单位',
    reassignNote: '改派说明（可选）',
    reassignButton: '改派',
    escalate: '升级督办',
    escalateHint: (next: string) => `下一级：${next}`,
    escalateTop: '已是最高级别（约谈、通报）。',
    escalateReason: '升级理由',
    escalateButton: '升级督办',
    serious: '认定为情节严重',
    seriousHint: '认定后将向联合惩戒部门发出惩戒令，并列入失信名单。',
    seriousReason: '认定理由',
    seriousButton: '认定为情节严重…',
    seriousConfirm: '确定认定此案情节严重并启动联合惩戒吗？此操作会立即向各部门发出惩戒令。',
    seriousYes: '确认认定',
    cancel: '取消',
    seriousDone: '此案件已被认定为情节严重。',
    close: '办结',
    closeNote: '办结意见（可选）',
    closeButton: '办结案件',
    busy: '正在提交…',
    unitsError: '单位列表加载失败，仍可按分办规则受理。',
  },
  en: {
    title: 'Office decisions',
    none: 'This case has ended; no decision can be taken on it.',
    done: 'Sent; the case has been updated.',
    review: 'Review',
    reviewHint: 'The complaint awaits review: accept and forward it, do not accept it, or ask the enterprise for more information.',
    unit: 'Handling unit',
    unitAuto: 'Decided by the routing rules',
    unitHint: 'Leave as is to forward the case to the unit the routing rules name.',
    acceptNote: 'Note on acceptance (optional)',
    accept: 'Accept',
    reject: 'Do not accept',
    rejectReason: 'Reason for not accepting',
    chooseReason: 'Choose a statutory reason',
    rejectNote: 'Explanation (optional)',
    rejectButton: 'Reject',
    info: 'Request information',
    infoNote: 'What the enterprise should supply',
    infoButton: 'Request information',
    supplement: 'Supply information for the enterprise',
    supplementHint: 'Material the enterprise gave by phone, letter or visit, registered by the office.',
    supplementText: 'Information supplied',
    supplementButton: 'Register the information',
    extension: 'Extension request',
    extensionAsk: (days: number, reason: string) => `The unit asks for ${days} more day${days === 1 ? '' : 's'}. Reason: ${reason}`,
    extensionDays: 'Days to grant',
    extensionDaysHint: 'The days requested unless you change it; handling may not exceed 90 days in total.',
    approve: 'Approve the extension',
    deny: 'Deny the extension',
    reassign: 'Reassign to another unit',
    newUnit: 'New handling unit',
    chooseUnit: 'Choose a unit',
    reassignNote: 'Note on reassignment (optional)',
    reassignButton: 'Reassign',
    escalate: 'Escalate',
    escalateHint: (next: string) => `Next step: ${next}`,
    escalateTop: 'Already at the highest level (summons and circular).',
    escalateReason: 'Reason for escalating',
    escalateButton: 'Escalate',
    serious: 'Find the case serious',
    seriousHint: 'Sanction orders then go to the joint-punishment agencies and the respondent is listed as a dishonest payer.',
    seriousReason: 'Grounds',
    seriousButton: 'Find serious…',
    seriousConfirm: 'Find this case serious and start sanctions? Orders go to the agencies at once.',
    seriousYes: 'Yes, find it serious',
    cancel: 'Cancel',
    seriousDone: 'This case has been found serious.',
    close: 'Close the case',
    closeNote: 'Closing note (optional)',
    closeButton: 'Close the case',
    busy: 'Sending…',
    unitsError: 'The list of units did not load; you can still accept by the routing rules.',
  },
};

type T = (typeof TEXT)['zh'];

const ESCALATION_NEXT = {
  zh: { 1: '催办通知（抄送单位领导）', 2: '督办书', 3: '约谈单位主要负责人并全市通报' } as Record<number, string>,
  en: { 1: "reminder notice copied to the unit's leadership", 2: 'supervision order', 3: "summons of the unit's principal and a city-wide circular" } as Record<number, string>,
};

const SERIOUS_FINDABLE = ['forwarded', 'handling', 'result_reported', 'monitoring_plan', 'closed'];
const CLOSABLE = ['forwarded', 'handling', 'result_reported', 'monitoring_plan'];
const WITH_A_UNIT = ['forwarded', 'handling'];

const post = (c: CaseJson, path: string, body: unknown) => api<CaseJson>('POST', `/complaints/${encodeURIComponent(c.id)}/${path}`, body);
const fieldError = (error: unknown, path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);

/**
 * Every decision the office may take on the case in its present status. The API remains the judge:
 * whatever it refuses is shown next to the form that asked.
 */
export function OfficeActions({ c, onChanged }: { c: CaseJson; onChanged: () => void }) {
  const t = useText(TEXT);
  const [done, setDone] = useState(false);
  const units = useAsync(() => api<{ items: UnitJson[] }>('GET', '/units'), []);
  const changed = () => {
    setDone(true);
    onChanged();
  };
  const unitList = units.data?.items ?? [];
  const status = c.status;

  const panels: ReactNode[] = [];
  if (status === 'submitted') panels.push(<Review key="review" c={c} t={t} units={unitList} unitsFailed={Boolean(units.error)} onDone={changed} />);
  if (status === 'needs_information') panels.push(<Supplement key="supplement" c={c} t={t} onDone={changed} />);
  if (c.pendingExtension) panels.push(<Extension key="extension" c={c} t={t} onDone={changed} />);
  if (WITH_A_UNIT.includes(status)) {
    panels.push(<Reassign key="reassign" c={c} t={t} units={unitList} onDone={changed} />);
    panels.push(<Escalate key="escalate" c={c} t={t} onDone={changed} />);
  }
  if (SERIOUS_FINDABLE.includes(status)) panels.push(<Serious key="serious" c={c} t={t} onDone={changed} />);
  if (CLOSABLE.includes(status)) panels.push(<Close key="close" c={c} t={t} onDone={changed} />);

  return (
    <section className="actions-panel" aria-labelledby="office-actions-title">
      <h2 id="office-actions-title">{t.title}</h2>
      <div role="status" aria-live="polite">
        {done && <p className="notice">{t.done}</p>}
      </div>
      {panels.length > 0 ? <div className="decision-grid">{panels}</div> : <p className="muted">{t.none}</p>}
    </section>
  );
}

function Decision({ title, hint, children }: { title: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="decision card">
      <h3>{title}</h3>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </div>
  );
}

interface PanelProps {
  c: CaseJson;
  t: T;
  onDone: () => void;
}

function submitWith(fn: () => void) {
  return (e: FormEvent) => {
    e.preventDefault();
    fn();
  };
}

function Review({ c, t, units, unitsFailed, onDone }: PanelProps & { units: UnitJson[]; unitsFailed: boolean }) {
  const rejections = useText(REJECTION_LABEL);
  const [unitId, setUnitId] = useState('');
  const [acceptNote, setAcceptNote] = useState('');
  const [reason, setReason] = useState('');
  const [rejectNote, setRejectNote] = useState('');
  const [infoNote, setInfoNote] = useState('');
  const accept = useCommand(() => post(c, 'review', { decision: 'accept', ...(unitId ? { unitId } : {}), ...(acceptNote.trim() ? { note: acceptNote } : {}) }), onDone);
  const reject = useCommand(() => post(c, 'review', { decision: 'reject', ...(reason ? { reason } : {}), ...(rejectNote.trim() ? { note: rejectNote } : {}) }), onDone);
  const info = useCommand(() => post(c, 'review', { decision: 'request_information', ...(infoNote.trim() ? { note: infoNote } : {}) }), onDone);
  const busy = accept.busy || reject.busy || info.busy;

  return (
    <>
      <Decision title={t.review} hint={t.reviewHint}>
        <CommandForm cmd={accept} className="primary" disabled={busy} announceBusy label={t.accept}>
          <Select
            label={t.unit}
            hint={unitsFailed ? t.unitsError : t.unitHint}
            error={fieldError(accept.error, 'unitId')}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            options={[{ value: '', label: t.unitAuto }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
          />
          <TextArea label={t.acceptNote} error={fieldError(accept.error, 'note')} value={acceptNote} onChange={(e) => setAcceptNote(e.target.value)} />
        </CommandForm>
      </Decision>
      <Decision title={t.reject}>
        <CommandForm cmd={reject} className="danger" disabled={busy} announceBusy label={t.rejectButton}>
          <Select
            label={t.rejectReason}
            error={fieldError(reject.error, 'reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            options={[{ value: '', label: t.chooseReason }, ...REJECTION_REASONS.map((r) => ({ value: r, label: rejections[r] }))]}
          />
          <TextArea label={t.rejectNote} error={fieldError(reject.error, 'note')} value={rejectNote} onChange={(e) => setRejectNote(e.target.value)} />
        </CommandForm>
      </Decision>
      <Decision title={t.info}>
        <CommandForm cmd={info} disabled={busy} announceBusy label={t.infoButton}>
          <TextArea label={t.infoNote} error={fieldError(info.error, 'note')} value={infoNote} onChange={(e) => setInfoNote(e.target.value)} />
        </CommandForm>
      </Decision>
    </>
  );
}

function Supplement({ c, t, onDone }: PanelProps) {
  const [text, setText] = useState('');
  const cmd = useCommand(() => post(c, 'supplements', { text }), onDone);
  return (
    <Decision title={t.supplement} hint={t.supplementHint}>
      <CommandForm cmd={cmd} label={t.supplementButton} onSubmit={() => void cmd.send().then((ok) => ok && setText(''))}>
        <TextArea label={t.supplementText} error={fieldError(cmd.error, 'text')} value={text} onChange={(e) => setText(e.target.value)} />
      </CommandForm>
    </Decision>
  );
}

function Extension({ c, t, onDone }: PanelProps) {
  const asked = c.pendingExtension;
  const [days, setDays] = useState(String(asked?.days ?? ''));
  const approve = useCommand(() => post(c, 'extension-decision', { approve: true, days: days.trim() === '' ? undefined : Number(days) }), onDone);
  const deny = useCommand(() => post(c, 'extension-decision', { approve: false }), onDone);
  const busy = approve.busy || deny.busy;
  if (!asked) return null;
  return (
    <Decision title={t.extension} hint={t.extensionAsk(asked.days, asked.reason)}>
      <form onSubmit={submitWith(() => void approve.send())} noValidate>
        <TextInput
          label={t.extensionDays}
          hint={t.extensionDaysHint}
          error={fieldError(approve.error, 'days')}
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
        <ErrorBox error={approve.error ?? deny.error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {t.approve}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void deny.send()}>
            {t.deny}
          </button>
        </div>
      </form>
    </Decision>
  );
}

function Reassign({ c, t, units, onDone }: PanelProps & { units: UnitJson[] }) {
  const [unitId, setUnitId] = useState('');
  const [note, setNote] = useState('');
  const cmd = useCommand(() => post(c, 'reassign', { unitId, ...(note.trim() ? { note } : {}) }), onDone);
  const current = units.find((u) => u.id === c.unitId);
  return (
    <Decision title={t.reassign} hint={current ? `${t.unit}: ${current.name}` : undefined}>
      <CommandForm
        cmd={cmd}
        label={t.reassignButton}
        onSubmit={() =>
          void cmd.send().then((ok) => {
            if (ok) {
              setUnitId('');
              setNote('');
            }
          })
        }
      >
        <Select
          label={t.newUnit}
          error={fieldError(cmd.error, 'unitId')}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          options={[{ value: '', label: t.chooseUnit }, ...units.filter((u) => u.id !== c.unitId).map((u) => ({ value: u.id, label: u.name }))]}
        />
        <TextArea label={t.reassignNote} error={fieldError(cmd.error, 'note')} value={note} onChange={(e) => setNote(e.target.value)} />
      </CommandForm>
    </Decision>
  );
}

function Escalate({ c, t, onDone }: PanelProps) {
  const next = useText(ESCALATION_NEXT)[c.escalationLevel + 1];
  const [reason, setReason] = useState('');
  const cmd = useCommand(() => post(c, 'escalate', { reason }), onDone);
  return (
    <Decision title={t.escalate} hint={next ? t.escalateHint(next) : t.escalateTop}>
      <CommandForm cmd={cmd} label={t.escalateButton} onSubmit={() => void cmd.send().then((ok) => ok && setReason(''))}>
        <TextArea label={t.escalateReason} error={fieldError(cmd.error, 'reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </CommandForm>
    </Decision>
  );
}

function Serious({ c, t, onDone }: PanelProps) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const cmd = useCommand(() => post(c, 'serious', { reason }), onDone);
  if (c.seriousFound) {
    return (
      <Decision title={t.serious}>
        <p>{t.seriousDone}</p>
      </Decision>
    );
  }
  return (
    <Decision title={t.serious} hint={t.seriousHint}>
      <form
        onSubmit={submitWith(() => {
          if (!confirming) {
            setConfirming(true);
            return;
          }
          void cmd.send().then(() => setConfirming(false));
        })}
        noValidate
      >
        <TextArea label={t.seriousReason} error={fieldError(cmd.error, 'reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorBox error={cmd.error} />
        {confirming ? (
          <div className="confirm-box" role="group" aria-labelledby={`serious-confirm-${c.id}`}>
            <p id={`serious-confirm-${c.id}`}>{t.seriousConfirm}</p>
            <div className="button-row">
              <button type="submit" className="danger" disabled={cmd.busy} autoFocus>
                {t.seriousYes}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="danger">
            {t.seriousButton}
          </button>
        )}
      </form>
    </Decision>
  );
}

function Close({ c, t, onDone }: PanelProps) {
  const [note, setNote] = useState('');
  const cmd = useCommand(() => post(c, 'close', note.trim() ? { note } : {}), onDone);
  return (
    <Decision title={t.close}>
      <CommandForm cmd={cmd} label={t.closeButton}>
        <TextArea label={t.closeNote} error={fieldError(cmd.error, 'note')} value={note} onChange={(e) => setNote(e.target.value)} />
      </CommandForm>
    </Decision>
  );
}
