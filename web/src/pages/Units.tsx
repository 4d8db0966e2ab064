import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { useLang, useText, type Texts } from '../i18n';
import { ErrorBox, Loading, Page, Select, TextInput, useAsync, useCommand } from '../ui';
import type { Complaint } from '@domain/complaint';
import './admin.css';

type RegionCode = Complaint['respondent']['regionCode'];
type UnitKind = 'county_government' | 'city_department' | 'office';

export interface UnitJson {
  id: string;
  name: string;
  kind: UnitKind;
  regionCode: RegionCode | null;
  parentId: string | null;
  contacts: Contacts;
}

export interface Contacts {
  email?: string;
  webhookUrl?: string;
  leadershipEmail?: string;
  phone?: string;
}

/** The city's county-level territories (属地), by administrative division code. */
export const REGION_LABEL: Texts<Record<RegionCode, string>> = {
  zh: { '450602': '港口区', '450603': '防城区', '450621': '上思县', '450681': '东兴市' },
  en: { '450602': 'Gangkou District', '450603': 'Fangcheng District', '450621': 'Shangsi County', '450681': 'Dongxing City' },
};
const REGION_CODES = Object.keys(REGION_LABEL.zh) as RegionCode[];

/** A territory's name from a code the API sent, which may be one the page does not know. */
export function useRegionName(): (code: string | null, none: string) => string {
  const regions: Record<string, string> = useText(REGION_LABEL);
  return (code, none) => (code === null ? none : (regions[code] ?? code));
}

/** The territories as select options, the first meaning "none" or "any". */
export function useRegionOptions(empty: string): { value: string; label: string }[] {
  const regions = useText(REGION_LABEL);
  const { lang } = useLang();
  return [{ value: '', label: empty }, ...REGION_CODES.map((r) => ({ value: r, label: lang === 'zh' ? `${regions[r]}（${r}）` : `${regions[r]} (${r})` }))];
}

const KIND_LABEL: Texts<Record<UnitKind, string>> = {
  zh: { county_government: '县（市、区）人民政府', city_department: '市直部门', office: '市领导小组办公室' },
  en: { county_government: 'County or district government', city_department: 'City department', office: 'City office' },
};
const KINDS = Object.keys(KIND_LABEL.zh) as UnitKind[];

export const EDITOR_TEXT = {
  zh: {
    edit: '编辑',
    editing: (name: string) => `编辑：${name}`,
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    none: '（无）',
    email: '通知邮箱',
    webhookUrl: '通知回调地址（Webhook）',
    leadershipEmail: '领导班子邮箱（催办抄送）',
    phone: '联系电话',
    noContacts: '未填写',
    saved: (name: string) => `已保存：${name}。`,
    added: (name: string) => `已添加：${name}。`,
    colon: '：',
  },
  en: {
    edit: 'Edit',
    editing: (name: string) => `Edit: ${name}`,
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    none: '(none)',
    email: 'Notification email',
    webhookUrl: 'Notification webhook URL',
    leadershipEmail: 'Leadership email (copied on reminders)',
    phone: 'Phone',
    noContacts: 'None given',
    saved: (name: string) => `Saved: ${name}.`,
    added: (name: string) => `Added: ${name}.`,
    colon: ': ',
  },
};

const TEXT = {
  zh: {
    title: '承办单位',
    intro: '承办单位接收市办公室转办的投诉。通知邮箱和回调地址用于送达转办、催办等通知；领导班子邮箱在催办（一级）时抄送。',
    caption: '承办单位列表',
    name: '单位名称',
    id: '单位编号',
    idHint: '2–63 个小写字母、数字或短横线，添加后不能修改，例如 dept-water。',
    kind: '类型',
    region: '属地',
    parent: '上级单位',
    contacts: '联系方式',
    actions: '操作',
    addTitle: '添加承办单位',
    add: '添加',
    empty: '还没有承办单位。',
  },
  en: {
    title: 'Handling units',
    intro: 'Handling units receive the complaints the city office forwards. The email and webhook receive forwarding notices and reminders; the leadership email is copied on level-1 reminders.',
    caption: 'Handling units',
    name: 'Name',
    id: 'Unit ID',
    idHint: '2–63 lower-case letters, digits or dashes; cannot be changed later, e.g. dept-water.',
    kind: 'Kind',
    region: 'Territory',
    parent: 'Parent unit',
    contacts: 'Contacts',
    actions: 'Actions',
    addTitle: 'Add a handling unit',
    add: 'Add',
    empty: 'No handling units yet.',
  },
};

/** Contacts as the API takes them: only the fields filled in. */
export function contactsBody(c: Contacts): Contacts {
  return Object.fromEntries(
    Object.entries(c)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
      .filter(([, v]) => v),
  ) as Contacts;
}

export function ContactList({ contacts }: { contacts: Contacts }) {
  const t = useText(EDITOR_TEXT);
  const entries = (['email', 'webhookUrl', 'leadershipEmail', 'phone'] as const).filter((k) => contacts[k]);
  if (entries.length === 0) return <span className="muted">{t.noContacts}</span>;
  return (
    <ul className="plain-list bare">
      {entries.map((k) => (
        <li key={k}>
          <span className="muted">
            {t[k]}
            {t.colon}
          </span>
          <span className="code">{contacts[k]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The row under a record that holds its edit form; its heading takes focus so the form is announced. */
export function EditRow({ id, colSpan, title, children }: { id: string; colSpan: number; title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <tr className="edit-row" id={id}>
      <td colSpan={colSpan}>
        <h3 ref={heading} tabIndex={-1}>
          {title}
        </h3>
        {children}
      </td>
    </tr>
  );
}

/** Which record's edit row is open, and a status line for what was saved; focus goes back to the record's edit button. */
export function useRowEditor() {
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const close = useCallback((id: string, message?: string) => {
    setEditing(null);
    if (message) setStatus(message);
    requestAnimationFrame(() => document.getElementById(`edit-button-${id}`)?.focus());
  }, []);
  const open = useCallback((id: string) => {
    setStatus('');
    setEditing(id);
  }, []);
  return { editing, open, close, status, setStatus };
}

export function EditButton({ id, name, open, onClick }: { id: string; name: string; open: boolean; onClick: () => void }) {
  const t = useText(EDITOR_TEXT);
  const { lang } = useLang();
  return (
    <button type="button" id={`edit-button-${id}`} aria-expanded={open} aria-controls={open ? `edit-row-${id}` : undefined} aria-label={`${t.edit}${lang === 'zh' ? '' : ' '}${name}`} onClick={onClick}>
      {t.edit}
    </button>
  );
}

interface UnitDraft {
  id: string;
  name: string;
  kind: UnitKind;
  regionCode: string;
  parentId: string;
  email: string;
  webhookUrl: string;
  leadershipEmail: string;
  phone: string;
}

const draftOf = (u?: UnitJson): UnitDraft => ({
  id: u?.id ?? '',
  name: u?.name ?? '',
  kind: u?.kind ?? 'city_department',
  regionCode: u?.regionCode ?? '',
  parentId: u?.parentId ?? '',
  email: u?.contacts.email ?? '',
  webhookUrl: u?.contacts.webhookUrl ?? '',
  leadershipEmail: u?.contacts.leadershipEmail ?? '',
  phone: u?.contacts.phone ?? '',
});

const bodyOf = (d: UnitDraft) => ({
  name: d.name,
  kind: d.kind,
  regionCode: d.regionCode || null,
  parentId: d.parentId || null,
  contacts: contactsBody({ email: d.email, webhookUrl: d.webhookUrl, leadershipEmail: d.leadershipEmail, phone: d.phone }),
});

export function Units() {
  const t = useText(TEXT);
  const s = useText(EDITOR_TEXT);
  const kinds = useText(KIND_LABEL);
  const regionName = useRegionName();
  const { data, error, loading, reload } = useAsync(() => api<{ items: UnitJson[] }>('GET', '/units'), []);
  const editor = useRowEditor();
  const units = data?.items ?? [];
  const nameOf = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : '—');
  const columns = 7;

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <p role="status" className={editor.status ? 'notice' : 'status-slot'}>
        {editor.status}
      </p>
      {loading && !data && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <div className="table-wrap">
          <table className="stack admin-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.id}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.region}</th>
                <th scope="col">{t.parent}</th>
                <th scope="col">{t.contacts}</th>
                <th scope="col" className="actions">
                  {t.actions}
                </th>
              </tr>
            </thead>
            <tbody>
              {units.length === 0 && (
                <tr>
                  <td colSpan={columns}>{t.empty}</td>
                </tr>
              )}
              {units.flatMap((u) => {
                const open = editor.editing === u.id;
                const row = (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td data-label={t.id} className="nowrap">
                      <span className="code">{u.id}</span>
                    </td>
                    <td data-label={t.kind} className="nowrap">
                      {kinds[u.kind] ?? u.kind}
                    </td>
                    <td data-label={t.region} className="nowrap">
                      {regionName(u.regionCode, '—')}
                    </td>
                    <td data-label={t.parent}>{nameOf(u.parentId)}</td>
                    <td data-label={t.contacts}>
                      <ContactList contacts={u.contacts} />
                    </td>
                    <td className="actions" data-label={t.actions}>
                      <EditButton id={u.id} name={u.name} open={open} onClick={() => (open ? editor.close(u.id) : editor.open(u.id))} />
                    </td>
                  </tr>
                );
                if (!open) return [row];
                return [
                  row,
                  <EditRow key={`${u.id}-edit`} id={`edit-row-${u.id}`} colSpan={columns} title={s.editing(u.name)}>
                    <UnitForm
                      unit={u}
                      units={units}
                      onDone={(saved) => {
                        editor.close(u.id, s.saved(saved.name));
                        reload();
                      }}
                      onCancel={() => editor.close(u.id)}
                    />
                  </EditRow>,
                ];
              })}
            </tbody>
          </table>
        </div>
      )}

      <section className="card add-card" aria-labelledby="add-unit">
        <h2 id="add-unit">{t.addTitle}</h2>
        <UnitForm
          units={units}
          onDone={(saved) => {
            editor.setStatus(s.added(saved.name));
            reload();
          }}
        />
      </section>
    </Page>
  );
}

/** Adds a unit (no `unit`) or edits one; the API's own messages appear by each field. */
function UnitForm({ unit, units, onDone, onCancel }: { unit?: UnitJson; units: UnitJson[]; onDone: (saved: UnitJson) => void; onCancel?: () => void }) {
  const t = useText(TEXT);
  const s = useText(EDITOR_TEXT);
  const kinds = useText(KIND_LABEL);
  const regionOptions = useRegionOptions(s.none);
  const [draft, setDraft] = useState<UnitDraft>(() => draftOf(unit));
  const set = (patch: Partial<UnitDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const command = useCommand(
    useCallback(
      async (d: UnitDraft) => {
        const saved = unit
          ? await api<UnitJson>('PATCH', `/units/${encodeURIComponent(unit.id)}`, bodyOf(d))
          : await api<UnitJson>('POST', '/units', { id: d.id.trim(), ...bodyOf(d) });
        if (!unit) setDraft(draftOf());
        onDone(saved);
      },
      [unit, onDone],
    ),
  );
  const issue = (path: string) => (command.error instanceof ApiError ? command.error.issueFor(path) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void command.send(draft);
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        {!unit && (
          <div className="span-all">
            <TextInput label={t.id} hint={t.idHint} value={draft.id} error={issue('id')} autoComplete="off" onChange={(e) => set({ id: e.target.value })} />
          </div>
        )}
        <TextInput label={t.name} value={draft.name} error={issue('name')} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
        <Select label={t.kind} value={draft.kind} error={issue('kind')} options={KINDS.map((k) => ({ value: k, label: kinds[k] }))} onChange={(e) => set({ kind: e.target.value as UnitKind })} />
        <Select
          label={t.region}
          value={draft.regionCode}
          error={issue('regionCode')}
          options={regionOptions}
          onChange={(e) => set({ regionCode: e.target.value })}
        />
        <Select
          label={t.parent}
          value={draft.parentId}
          error={issue('parentId')}
          options={[{ value: '', label: s.none }, ...units.filter((u) => u.id !== unit?.id).map((u) => ({ value: u.id, label: u.name }))]}
          onChange={(e) => set({ parentId: e.target.value })}
        />
        <TextInput label={s.email} type="email" value={draft.email} error={issue('contacts.email')} autoComplete="off" onChange={(e) => set({ email: e.target.value })} />
        <TextInput label={s.leadershipEmail} type="email" value={draft.leadershipEmail} error={issue('contacts.leadershipEmail')} autoComplete="off" onChange={(e) => set({ leadershipEmail: e.target.value })} />
        <TextInput label={s.webhookUrl} type="url" value={draft.webhookUrl} error={issue('contacts.webhookUrl')} autoComplete="off" onChange={(e) => set({ webhookUrl: e.target.value })} />
        <TextInput label={s.phone} type="tel" value={draft.phone} error={issue('contacts.phone')} autoComplete="off" onChange={(e) => set({ phone: e.target.value })} />
      </div>
      <ErrorBox error={command.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={command.busy}>
          {command.busy ? s.saving : unit ? s.save : t.add}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {s.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
