/**
 * The reference-data editors (units, routing rules, agencies): a table of records, each with an edit
 * row that opens under it, and an add form below. Records are keyed by an id chosen when added.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { useLang, useText } from '../i18n';
import type { Contacts } from '../types';
import { ErrorBox, Loading, Page, TextInput, useCommand } from '../ui';

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

type ContactKey = keyof Contacts;
const CONTACT_KEYS: readonly ContactKey[] = ['email', 'webhookUrl', 'leadershipEmail', 'phone'];
const CONTACT_INPUT_TYPE: Record<ContactKey, string> = { email: 'email', leadershipEmail: 'email', webhookUrl: 'url', phone: 'tel' };

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
  const entries = CONTACT_KEYS.filter((k) => contacts[k]);
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

/** One input per contact field, in the order given; the API's messages sit under `contacts.<field>`. */
export function ContactInputs<K extends ContactKey>({
  fields,
  values,
  onChange,
  issue,
}: {
  fields: readonly K[];
  values: Record<K, string>;
  onChange: (field: K, value: string) => void;
  issue: (path: string) => string | undefined;
}) {
  const t = useText(EDITOR_TEXT);
  return (
    <>
      {fields.map((k) => (
        <TextInput key={k} label={t[k]} type={CONTACT_INPUT_TYPE[k]} value={values[k]} error={issue(`contacts.${k}`)} autoComplete="off" onChange={(e) => onChange(k, e.target.value)} />
      ))}
    </>
  );
}

/** The row under a record that holds its edit form; its heading takes focus so the form is announced. */
function EditRow({ id, colSpan, title, children }: { id: string; colSpan: number; title: string; children: ReactNode }) {
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
function useRowEditor() {
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

function EditButton({ id, name, open, onClick }: { id: string; name: string; open: boolean; onClick: () => void }) {
  const t = useText(EDITOR_TEXT);
  const { lang } = useLang();
  return (
    <button type="button" id={`edit-button-${id}`} aria-expanded={open} aria-controls={open ? `edit-row-${id}` : undefined} aria-label={`${t.edit}${lang === 'zh' ? '' : ' '}${name}`} onClick={onClick}>
      {t.edit}
    </button>
  );
}

/** What a record's form is given: the record when editing (none when adding), and what to do once saved or cancelled. */
export interface RecordFormProps<R> {
  record?: R;
  onDone: (saved: R) => void;
  onCancel?: () => void;
}

/**
 * A form that adds a record (POST `path` with the chosen id) or edits one (PATCH `path/id`). The draft
 * is cleared after an add; the API's messages are read per field with `issue`.
 */
export function useRecordForm<R extends { id: string }, D extends { id: string }>({
  path,
  record,
  draftOf,
  bodyOf,
  onDone,
}: {
  path: string;
  record?: R;
  draftOf: (record?: R) => D;
  bodyOf: (draft: D) => object;
  onDone: (saved: R) => void;
}) {
  const [draft, setDraft] = useState<D>(() => draftOf(record));
  const set = (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch }));
  const setId = (id: string) => setDraft((d) => ({ ...d, id }));
  const command = useCommand(
    useCallback(
      async (d: D) => {
        const saved = record ? await api<R>('PATCH', `${path}/${encodeURIComponent(record.id)}`, bodyOf(d)) : await api<R>('POST', path, { id: d.id.trim(), ...bodyOf(d) });
        if (!record) setDraft(draftOf());
        onDone(saved);
      },
      [path, record, draftOf, bodyOf, onDone],
    ),
  );
  const issue = (field: string) => (command.error instanceof ApiError ? command.error.issueFor(field) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void command.send(draft);
  };
  return { draft, set, setId, issue, submit, busy: command.busy, error: command.error, adding: !record };
}

interface RecordFormFrame {
  draft: { id: string };
  setId: (id: string) => void;
  issue: (field: string) => string | undefined;
  submit: (e: FormEvent) => void;
  busy: boolean;
  error: unknown;
  adding: boolean;
}

/**
 * The frame of a record form: the id field when adding, the record's own fields in the grid, anything
 * that does not fit a grid cell (`after`), the API's answer and the save/cancel buttons.
 */
export function RecordForm({
  form,
  words,
  onCancel,
  after,
  children,
}: {
  form: RecordFormFrame;
  /** The page's words for the id field and the add button. */
  words: { id: string; idHint: string; add: string };
  onCancel?: () => void;
  after?: ReactNode;
  children: ReactNode;
}) {
  const s = useText(EDITOR_TEXT);
  return (
    <form onSubmit={form.submit} noValidate>
      <div className="form-grid">
        {form.adding && (
          <div className="span-all">
            <TextInput label={words.id} hint={words.idHint} value={form.draft.id} error={form.issue('id')} autoComplete="off" onChange={(e) => form.setId(e.target.value)} />
          </div>
        )}
        {children}
      </div>
      {after}
      <ErrorBox error={form.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? s.saving : form.adding ? words.add : s.save}
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

interface RecordEditorProps<R extends { id: string }> {
  /** The page's own words: its title and intro, the table's caption, what an empty table says, the actions column's header and the add section's title. */
  words: { title: string; intro: string; caption: string; empty: string; actions: string; addTitle: string };
  /** The column headers before the actions column. */
  headers: { label: string; className?: string }[];
  /** The id of the add section's heading. */
  addId: string;
  records: R[] | undefined;
  loading: boolean;
  error: unknown;
  /** The name a record goes by in the edit button, the edit row's title and the status line. */
  nameOf: (record: R) => string;
  /** A record's cells before the actions cell; the first is its row header. */
  cells: (record: R) => ReactNode;
  form: (props: RecordFormProps<R>) => ReactNode;
  /** Fetch the records again once one is saved. */
  reload: () => void;
  /** Shown between the error and the table. */
  notice?: ReactNode;
}

/** A reference-data page: the records in a table, each editable in place, and a form to add one. */
export function RecordEditor<R extends { id: string }>(p: RecordEditorProps<R>) {
  const s = useText(EDITOR_TEXT);
  const editor = useRowEditor();
  const columns = p.headers.length + 1;

  return (
    <Page title={p.words.title}>
      <p>{p.words.intro}</p>
      <p role="status" className={editor.status ? 'notice' : 'status-slot'}>
        {editor.status}
      </p>
      {p.loading && !p.records && <Loading />}
      <ErrorBox error={p.error} />
      {p.notice}
      {p.records && (
        <div className="table-wrap">
          <table className="stack admin-table">
            <caption>{p.words.caption}</caption>
            <thead>
              <tr>
                {p.headers.map((h) => (
                  <th key={h.label} scope="col" className={h.className}>
                    {h.label}
                  </th>
                ))}
                <th scope="col" className="actions">
                  {p.words.actions}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.records.length === 0 && (
                <tr>
                  <td colSpan={columns}>{p.words.empty}</td>
                </tr>
              )}
              {p.records.flatMap((r) => {
                const open = editor.editing === r.id;
                const name = p.nameOf(r);
                const row = (
                  <tr key={r.id}>
                    {p.cells(r)}
                    <td className="actions" data-label={p.words.actions}>
                      <EditButton id={r.id} name={name} open={open} onClick={() => (open ? editor.close(r.id) : editor.open(r.id))} />
                    </td>
                  </tr>
                );
                if (!open) return [row];
                return [
                  row,
                  <EditRow key={`${r.id}-edit`} id={`edit-row-${r.id}`} colSpan={columns} title={s.editing(name)}>
                    {p.form({
                      record: r,
                      onDone: (saved) => {
                        editor.close(r.id, s.saved(p.nameOf(saved)));
                        p.reload();
                      },
                      onCancel: () => editor.close(r.id),
                    })}
                  </EditRow>,
                ];
              })}
            </tbody>
          </table>
        </div>
      )}

      <section className="card add-card" aria-labelledby={p.addId}>
        <h2 id={p.addId}>{p.words.addTitle}</h2>
        {p.form({
          onDone: (saved) => {
            editor.setStatus(s.added(p.nameOf(saved)));
            p.reload();
          },
        })}
      </section>
    </Page>
  );
}
