import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { complaintSchema, REGION_CODES } from '@domain/complaint';
import { ENTERPRISE_SIZES, RESPONDENT_TYPES } from '@domain/case-status';
import { api, ApiError } from '../api';
import { useLang, useText } from '../i18n';
import { RESPONDENT_TYPE_LABEL, SIZE_LABEL } from '../labels';
import { navigate } from '../router';
import { useMe } from '../session';
import type { CaseJson } from '../types';
import { ErrorBox, Page, Select, TextArea, TextInput } from '../ui';
import { fieldMessage } from '../explain';
import './parties.css';

const TEXT = {
  zh: {
    title: '我要投诉',
    intro: '机关、事业单位或大型企业拖欠贵企业采购货物、工程、服务款项的，可以在此投诉。除注明“选填”的以外，各项均须填写。',
    complainant: '投诉企业',
    respondent: '被投诉方',
    contract: '合同与欠款',
    complaint: '投诉事项与证据',
    declarations: '声明',
    choose: '请选择',
    stateOwned: '属于国有企业',
    creditHint: '18 位，须与登录密钥所属企业一致。',
    phoneHint: '手机或固定电话，例如 13800000000',
    emailHint: '处理结果将发送到这个邮箱。',
    optional: '选填',
    deliveredHint: '选填。货物交付或工程、服务完成的日期。',
    paymentDateHint: '选填。合同约定的付款日期；未约定的，按交付后的法定期限计算。',
    amountHint: '以元为单位，最多两位小数，例如 125000.50',
    rateHint: '选填。写成小数，例如 0.0385 表示 3.85%。',
    descriptionHint: '请说明欠款的由来、催款经过和您的诉求。',
    evidence: '证据材料（选填）',
    evidenceHint: '合同、发票、验收单等。文件不会上传：系统只在本机计算并记录文件名和 SHA-256 指纹，以便日后核对原件。',
    hashing: '正在计算文件指纹…',
    noCrypto: '此浏览器无法计算文件指纹，请使用较新的浏览器。',
    remove: (name: string) => `移除 ${name}`,
    removeShort: '移除',
    fingerprint: '指纹',
    channel: '投诉渠道：网上投诉',
    submit: '提交投诉',
    busy: '正在提交…',
    summary: (n: number) => `还有 ${n} 处内容需要修改：`,
    labels: {
      'complainant.name': '企业名称',
      'complainant.creditCode': '统一社会信用代码',
      'complainant.size': '企业规模',
      'complainant.contactName': '联系人',
      'complainant.phone': '联系电话',
      'complainant.email': '电子邮箱',
      'respondent.name': '被投诉方名称',
      'respondent.creditCode': '被投诉方统一社会信用代码（选填）',
      'respondent.type': '被投诉方类型',
      'respondent.stateOwned': '属于国有企业',
      'respondent.regionCode': '所在地区',
      'respondent.supervisingDepartment': '主管部门（选填）',
      'contract.title': '合同名称',
      'contract.signedOn': '签订日期',
      'contract.deliveredOn': '交付日期',
      'contract.amount': '合同金额（元）',
      'contract.overdueAmount': '逾期未付金额（元）',
      'contract.agreedPaymentDate': '约定付款日期',
      'contract.agreedAnnualRate': '约定年利率（选填）',
      description: '投诉事项',
      evidence: '证据材料',
      'declarations.noOtherProceedings': '未通过诉讼、仲裁等其他途径处理',
      'declarations.truthful': '所填内容真实',
    } satisfies Record<FieldPath, string>,
    regions: { '450602': '港口区', '450603': '防城区', '450621': '上思县', '450681': '东兴市' } satisfies Record<(typeof REGION_CODES)[number], string>,
  },
  en: {
    title: 'File a complaint',
    intro: 'If a government body, public institution or large enterprise owes your enterprise money for goods, works or services, you can complain here. Every field is required unless marked optional.',
    complainant: 'Your enterprise',
    respondent: 'Who owes the money',
    contract: 'Contract and debt',
    complaint: 'Complaint and evidence',
    declarations: 'Declarations',
    choose: 'Choose…',
    stateOwned: 'State-owned enterprise',
    creditHint: '18 characters; must be the enterprise your key belongs to.',
    phoneHint: 'Mobile or landline, e.g. 13800000000',
    emailHint: 'The result will be sent to this address.',
    optional: 'Optional',
    deliveredHint: 'Optional. When the goods were delivered or the works or services completed.',
    paymentDateHint: 'Optional. The payment date the contract sets; without one, the statutory term after delivery applies.',
    amountHint: 'In yuan, at most two decimals, e.g. 125000.50',
    rateHint: 'Optional. As a decimal, e.g. 0.0385 for 3.85%.',
    descriptionHint: 'How the debt arose, how you asked for payment, and what you ask for.',
    evidence: 'Evidence (optional)',
    evidenceHint: 'Contract, invoices, acceptance records. Nothing is uploaded: the browser records each file’s name and SHA-256 fingerprint so the originals can be checked later.',
    hashing: 'Computing file fingerprints…',
    noCrypto: 'This browser cannot compute file fingerprints; please use a recent browser.',
    remove: (name: string) => `Remove ${name}`,
    removeShort: 'Remove',
    fingerprint: 'Fingerprint',
    channel: 'Channel: online',
    submit: 'Submit complaint',
    busy: 'Submitting…',
    summary: (n: number) => `${n} ${n === 1 ? 'thing needs' : 'things need'} fixing:`,
    labels: {
      'complainant.name': 'Enterprise name',
      'complainant.creditCode': 'Unified social credit code',
      'complainant.size': 'Enterprise size',
      'complainant.contactName': 'Contact person',
      'complainant.phone': 'Phone',
      'complainant.email': 'Email',
      'respondent.name': 'Respondent name',
      'respondent.creditCode': 'Respondent’s unified social credit code (optional)',
      'respondent.type': 'Respondent type',
      'respondent.stateOwned': 'State-owned enterprise',
      'respondent.regionCode': 'Region',
      'respondent.supervisingDepartment': 'Supervising department (optional)',
      'contract.title': 'Contract title',
      'contract.signedOn': 'Signed on',
      'contract.deliveredOn': 'Delivered on',
      'contract.amount': 'Contract amount (yuan)',
      'contract.overdueAmount': 'Overdue amount (yuan)',
      'contract.agreedPaymentDate': 'Agreed payment date',
      'contract.agreedAnnualRate': 'Agreed annual interest rate (optional)',
      description: 'What the complaint is about',
      evidence: 'Evidence',
      'declarations.noOtherProceedings': 'The dispute is not being handled through litigation, arbitration or other channels',
      'declarations.truthful': 'The information given is true',
    } satisfies Record<FieldPath, string>,
    regions: { '450602': 'Gangkou District', '450603': 'Fangcheng District', '450621': 'Shangsi County', '450681': 'Dongxing City' } satisfies Record<(typeof REGION_CODES)[number], string>,
  },
};

/** The text fields, named by their path in the complaint body so the schema's issues land on them. */
const TEXT_PATHS = [
  'complainant.name',
  'complainant.creditCode',
  'complainant.size',
  'complainant.contactName',
  'complainant.phone',
  'complainant.email',
  'respondent.name',
  'respondent.creditCode',
  'respondent.type',
  'respondent.regionCode',
  'respondent.supervisingDepartment',
  'contract.title',
  'contract.signedOn',
  'contract.deliveredOn',
  'contract.amount',
  'contract.overdueAmount',
  'contract.agreedPaymentDate',
  'contract.agreedAnnualRate',
  'description',
] as const;
type TextPath = (typeof TEXT_PATHS)[number];
const CHECK_PATHS = ['respondent.stateOwned', 'declarations.noOtherProceedings', 'declarations.truthful'] as const;
type CheckPath = (typeof CHECK_PATHS)[number];
type FieldPath = TextPath | CheckPath | 'evidence';

/** The fields in the order the form shows them, so the list of what to fix reads top to bottom. */
const FIELD_ORDER: readonly FieldPath[] = [
  ...TEXT_PATHS.slice(0, 11),
  'respondent.stateOwned',
  ...TEXT_PATHS.slice(11),
  'evidence',
  'declarations.noOtherProceedings',
  'declarations.truthful',
];

/** Required fields: left empty, they say "is required" rather than the schema's note on the format. */
const REQUIRED: ReadonlySet<FieldPath> = new Set<FieldPath>([
  'complainant.name',
  'complainant.creditCode',
  'complainant.size',
  'complainant.contactName',
  'complainant.phone',
  'complainant.email',
  'respondent.name',
  'respondent.type',
  'respondent.regionCode',
  'contract.title',
  'contract.signedOn',
  'contract.amount',
  'contract.overdueAmount',
  'description',
]);

interface Evidence {
  name: string;
  size: number;
  sha256: string;
}

/** The path of an issue as a field of this form ("evidence.2.sha256" belongs to the evidence field). */
function fieldOf(path: string): FieldPath | undefined {
  const p = path.replace(/^body\./, '');
  if (p.startsWith('evidence')) return 'evidence';
  if (p === 'declarations') return 'declarations.noOtherProceedings';
  return ([...TEXT_PATHS, ...CHECK_PATHS] as string[]).includes(p) ? (p as FieldPath) : undefined;
}

/**
 * Valid stand-ins for fields that fail on their own. Zod runs an object's cross-field checks
 * (overdue ≤ amount, delivered after signing, an email to answer to) only once every field of that
 * object passes, so the form checks a second time with these in place: the enterprise hears that
 * the overdue amount exceeds the contract amount while the title is still empty. Each stand-in is
 * chosen so that it can never trip a cross-field check by itself.
 */
const STAND_INS: Partial<Record<TextPath, unknown>> = {
  'complainant.name': 'x',
  'complainant.creditCode': '91450600500000170P',
  'complainant.size': 'small',
  'complainant.contactName': 'x',
  'complainant.phone': '13800000000',
  'complainant.email': 'x@example.com',
  'respondent.name': 'x',
  'respondent.creditCode': null,
  'respondent.type': 'government_organ',
  'respondent.regionCode': '450602',
  'respondent.supervisingDepartment': null,
  'contract.title': 'x',
  'contract.signedOn': '1900-01-01',
  'contract.deliveredOn': null,
  'contract.amount': '99999999999999.99',
  'contract.overdueAmount': '0',
  'contract.agreedPaymentDate': null,
  'contract.agreedAnnualRate': null,
  description: 'x',
};

function withValueAt(body: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Record<string, unknown> = body;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (!next || typeof next !== 'object') return;
    at = next as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = value;
}

/** Every issue the domain's schema finds in the body, first message per field. */
function validate(body: Record<string, unknown>): Map<FieldPath, string> {
  const out = new Map<FieldPath, string>();
  const first = complaintSchema.safeParse(body);
  if (first.success) return out;
  const add = (path: PropertyKey[], message: string) => {
    const field = fieldOf(path.map(String).join('.'));
    if (field && !out.has(field)) out.set(field, message);
  };
  for (const issue of first.error.issues) add(issue.path, issue.message);
  const patched = structuredClone(body);
  let standIns = 0;
  for (const field of out.keys()) {
    if (field in STAND_INS) {
      withValueAt(patched, field, STAND_INS[field as TextPath]);
      standIns++;
    }
  }
  if (standIns > 0) {
    const second = complaintSchema.safeParse(patched);
    if (!second.success) for (const issue of second.error.issues) add(issue.path, issue.message);
  }
  return out;
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const emptyValues = (creditCode: string): Record<TextPath, string> => {
  const values = Object.fromEntries(TEXT_PATHS.map((p) => [p, ''])) as Record<TextPath, string>;
  values['complainant.creditCode'] = creditCode;
  return values;
};

export function FileComplaint() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const sizes = useText(SIZE_LABEL);
  const types = useText(RESPONDENT_TYPE_LABEL);
  const me = useMe();
  const [values, setValues] = useState<Record<TextPath, string>>(() => emptyValues(me.creditCode ?? ''));
  const [checks, setChecks] = useState<Record<CheckPath, boolean>>({ 'respondent.stateOwned': false, 'declarations.noOtherProceedings': false, 'declarations.truthful': false });
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [hashing, setHashing] = useState(false);
  const [evidenceError, setEvidenceError] = useState<string | undefined>();
  const [touched, setTouched] = useState<ReadonlySet<FieldPath>>(new Set());
  const [attempts, setAttempts] = useState(0);
  const [serverIssues, setServerIssues] = useState<Map<FieldPath, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const body = useMemo(() => {
    const v = (p: TextPath) => values[p].trim();
    const optional = (p: TextPath) => v(p) || null;
    const largeEnterprise = v('respondent.type') === 'large_enterprise';
    return {
      complainant: {
        name: v('complainant.name'),
        creditCode: v('complainant.creditCode'),
        size: v('complainant.size'),
        contactName: v('complainant.contactName'),
        phone: v('complainant.phone'),
        email: optional('complainant.email'),
        webhookUrl: null,
      },
      respondent: {
        name: v('respondent.name'),
        creditCode: optional('respondent.creditCode'),
        type: v('respondent.type'),
        // Only a large enterprise is state-owned or not; organs and institutions are public by definition.
        stateOwned: largeEnterprise ? checks['respondent.stateOwned'] : null,
        regionCode: v('respondent.regionCode'),
        supervisingDepartment: optional('respondent.supervisingDepartment'),
      },
      contract: {
        title: v('contract.title'),
        signedOn: v('contract.signedOn'),
        deliveredOn: optional('contract.deliveredOn'),
        amount: v('contract.amount'),
        overdueAmount: v('contract.overdueAmount'),
        agreedPaymentDate: optional('contract.agreedPaymentDate'),
        agreedAnnualRate: optional('contract.agreedAnnualRate'),
      },
      description: v('description'),
      evidence: evidence.map(({ name, sha256 }) => ({ name, sha256 })),
      declarations: { noOtherProceedings: checks['declarations.noOtherProceedings'], truthful: checks['declarations.truthful'] },
      channel: 'online' as const,
    };
  }, [values, checks, evidence]);

  const issues = useMemo(() => validate(body), [body]);

  const messageFor = (path: FieldPath): string | undefined => {
    const shown = attempts > 0 || touched.has(path);
    const empty = path in values ? !values[path as TextPath].trim() : false;
    const raw = (shown ? issues.get(path) : undefined) ?? serverIssues.get(path);
    if (!raw) return undefined;
    return fieldMessage(t.labels[path], empty && REQUIRED.has(path) ? 'is required' : raw, lang);
  };

  const touch = (path: FieldPath) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
  const forgetServerIssue = (path: FieldPath) =>
    setServerIssues((m) => {
      if (!m.has(path)) return m;
      const next = new Map(m);
      next.delete(path);
      return next;
    });

  const text = (path: TextPath) => ({
    label: t.labels[path],
    required: REQUIRED.has(path),
    error: messageFor(path),
    value: values[path],
    'data-path': path,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      setValues((v) => ({ ...v, [path]: e.target.value }));
      forgetServerIssue(path);
    },
    onBlur: () => touch(path),
  });

  const select = (path: TextPath, options: { value: string; label: string }[]) => ({
    ...text(path),
    options: [{ value: '', label: t.choose }, ...options],
  });

  async function addFiles(e: ChangeEvent<HTMLInputElement>) {
    const input = e.target;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    if (!globalThis.crypto?.subtle) {
      setEvidenceError(t.noCrypto);
      return;
    }
    setHashing(true);
    setEvidenceError(undefined);
    try {
      const hashed = await Promise.all(files.map(async (f) => ({ name: f.name, size: f.size, sha256: await sha256Hex(f) })));
      setEvidence((list) => [...list, ...hashed.filter((h) => !list.some((x) => x.sha256 === h.sha256 && x.name === h.name))]);
      forgetServerIssue('evidence');
    } catch (err) {
      setEvidenceError(err instanceof Error ? err.message : String(err));
    } finally {
      setHashing(false);
      input.value = '';
    }
  }

  // After a refused submit, take the keyboard to the list of what to fix.
  useEffect(() => {
    if (attempts > 0) summaryRef.current?.focus();
  }, [attempts]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (hashing) return;
    if (issues.size > 0) {
      setAttempts((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const created = await api<CaseJson>('POST', '/complaints', body);
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const mapped = new Map<FieldPath, string>();
        for (const issue of err.issues) {
          const field = fieldOf(issue.path);
          if (field && !mapped.has(field)) mapped.set(field, issue.message);
        }
        // A key files only for its own enterprise: the refusal belongs to the credit-code field.
        if (err.status === 403 && /credit code/.test(err.message)) mapped.set('complainant.creditCode', err.message);
        setServerIssues(mapped);
      }
    } finally {
      setBusy(false);
    }
  }

  const focusField = (path: FieldPath) => {
    const el = formRef.current?.querySelector<HTMLElement>(`[data-path="${path}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };

  const summaryItems = attempts > 0 ? FIELD_ORDER.filter((p) => issues.has(p)).map((p) => ({ path: p, text: messageFor(p) ?? '' })) : [];
  const regions = REGION_CODES.map((code) => ({ value: code, label: t.regions[code] }));

  return (
    <Page title={t.title}>
      <p className="pt-lede">{t.intro}</p>
      <form ref={formRef} className="pt-complaint-form" onSubmit={submit} noValidate>
        {summaryItems.length > 0 && (
          <div className="error-box" role="alert" tabIndex={-1} ref={summaryRef}>
            <p className="error-title">{t.summary(summaryItems.length)}</p>
            <ul>
              {summaryItems.map((item) => (
                <li key={item.path}>
                  <button type="button" className="link-button" onClick={() => focusField(item.path)}>
                    {item.text}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        <fieldset>
          <legend>{t.complainant}</legend>
          <div className="pt-form-grid">
            <TextInput {...text('complainant.name')} autoComplete="organization" />
            <TextInput {...text('complainant.creditCode')} hint={t.creditHint} autoComplete="off" spellCheck={false} autoCapitalize="characters" maxLength={30} className="pt-mono" />
            <Select {...select('complainant.size', ENTERPRISE_SIZES.map((s) => ({ value: s, label: sizes[s] })))} />
            <TextInput {...text('complainant.contactName')} autoComplete="name" />
            <TextInput {...text('complainant.phone')} hint={t.phoneHint} type="tel" autoComplete="tel" />
            <TextInput {...text('complainant.email')} hint={t.emailHint} type="email" autoComplete="email" />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.respondent}</legend>
          <div className="pt-form-grid">
            <TextInput {...text('respondent.name')} />
            <TextInput {...text('respondent.creditCode')} autoComplete="off" spellCheck={false} autoCapitalize="characters" maxLength={30} className="pt-mono" />
            <Select {...select('respondent.type', RESPONDENT_TYPES.map((r) => ({ value: r, label: types[r] })))} />
            <Select {...select('respondent.regionCode', regions)} />
            <TextInput {...text('respondent.supervisingDepartment')} />
            {values['respondent.type'] === 'large_enterprise' && (
              <Checkbox
                path="respondent.stateOwned"
                label={t.labels['respondent.stateOwned']}
                checked={checks['respondent.stateOwned']}
                onChange={(v) => setChecks((c) => ({ ...c, 'respondent.stateOwned': v }))}
              />
            )}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.contract}</legend>
          <div className="pt-form-grid">
            <div className="pt-span-2">
              <TextInput {...text('contract.title')} />
            </div>
            <TextInput {...text('contract.signedOn')} type="date" />
            <TextInput {...text('contract.deliveredOn')} type="date" hint={t.deliveredHint} />
            <TextInput {...text('contract.amount')} inputMode="decimal" hint={t.amountHint} className="pt-num-input" />
            <TextInput {...text('contract.overdueAmount')} inputMode="decimal" hint={t.amountHint} className="pt-num-input" />
            <TextInput {...text('contract.agreedPaymentDate')} type="date" hint={t.paymentDateHint} />
            <TextInput {...text('contract.agreedAnnualRate')} inputMode="decimal" hint={t.rateHint} className="pt-num-input" />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.complaint}</legend>
          <TextArea {...text('description')} rows={6} hint={t.descriptionHint} />
          <EvidencePicker
            label={t.evidence}
            hint={t.evidenceHint}
            error={evidenceError ?? messageFor('evidence')}
            onChange={addFiles}
            busy={hashing}
            busyText={t.hashing}
          />
          {evidence.length > 0 && (
            <ul className="pt-evidence-list">
              {evidence.map((f) => (
                <li key={`${f.name}:${f.sha256}`}>
                  <span className="pt-evidence-name">{f.name}</span>
                  <span className="muted pt-evidence-hash">
                    {t.fingerprint} <code title={f.sha256}>{f.sha256.slice(0, 16)}…</code>
                  </span>
                  <button type="button" className="link-button" aria-label={t.remove(f.name)} onClick={() => setEvidence((list) => list.filter((x) => x !== f))}>
                    {t.removeShort}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <fieldset>
          <legend>{t.declarations}</legend>
          {(['declarations.noOtherProceedings', 'declarations.truthful'] as const).map((path) => (
            <Checkbox
              key={path}
              path={path}
              label={t.labels[path]}
              checked={checks[path]}
              error={messageFor(path)}
              onChange={(v) => {
                setChecks((c) => ({ ...c, [path]: v }));
                touch(path);
                forgetServerIssue(path);
              }}
            />
          ))}
          <p className="muted">{t.channel}</p>
        </fieldset>

        <ErrorBox error={error} />
        <div className="pt-form-actions">
          <button type="submit" className="primary" disabled={busy || hashing}>
            {busy ? t.busy : t.submit}
          </button>
        </div>
      </form>
    </Page>
  );
}

function Checkbox({ path, label, checked, error, onChange }: { path: string; label: string; checked: boolean; error?: string; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className={`pt-check-field${error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        data-path={path}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function EvidencePicker({ label, hint, error, busy, busyText, onChange }: { label: string; hint: string; error?: string; busy: boolean; busyText: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void }) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input id={id} type="file" multiple data-path="evidence" onChange={onChange} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} {...(error ? { 'aria-invalid': true } : {})} />
      <p className="muted pt-status" role="status">
        {busy ? busyText : ''}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
