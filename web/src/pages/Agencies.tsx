import { useCallback, useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useLang, useText } from '../i18n';
import { ErrorBox, Loading, Page, TextInput, useAsync, useCommand } from '../ui';
import { MEASURES, MEASURE_TEXT, type Measure } from '@domain/sanctions';
import { ContactList, contactsBody, EDITOR_TEXT, EditButton, EditRow, useRowEditor, type Contacts } from './Units';
import './admin.css';

interface AgencyJson {
  id: string;
  name: string;
  measures: Measure[];
  contacts: Pick<Contacts, 'email' | 'webhookUrl'>;
}

const TEXT = {
  zh: {
    title: '联合惩戒部门',
    intro: '市办公室认定案件情节严重时，向以下部门发送惩戒通知；被投诉方全额付款并满最短公示期后，再通知同样的部门解除（信用修复）。每项措施的通知发给负责该措施的部门（有多个时取编号排在最前的部门）；没有部门负责的措施，通知将无法送达。',
    caption: '联合惩戒部门列表',
    name: '部门名称',
    id: '部门编号',
    idHint: '2–63 个小写字母、数字或短横线，添加后不能修改。',
    measures: '负责的惩戒措施',
    contacts: '接收通知',
    actions: '操作',
    noMeasures: '未指定',
    addTitle: '添加惩戒部门',
    add: '添加',
    empty: '还没有惩戒部门。',
    uncovered: '以下惩戒措施还没有负责部门，相关通知将无法送达：',
  },
  en: {
    title: 'Sanction agencies',
    intro: 'When the city office finds a case serious, sanction orders go to these agencies; when the respondent has paid in full and the minimum publicity period is over, the same agencies are told to lift them (credit repair). The order for each measure goes to the agency that applies it (the first by ID when several do); an order for a measure no agency applies cannot be delivered.',
    caption: 'Sanction agencies',
    name: 'Agency name',
    id: 'Agency ID',
    idHint: '2–63 lower-case letters, digits or dashes; cannot be changed later.',
    measures: 'Measures it applies',
    contacts: 'Receives orders at',
    actions: 'Actions',
    noMeasures: 'None',
    addTitle: 'Add a sanction agency',
    add: 'Add',
    empty: 'No sanction agencies yet.',
    uncovered: 'No agency applies these measures yet, so their orders cannot be delivered:',
  },
};

function useMeasureLabel() {
  const { lang } = useLang();
  return (m: Measure) => {
    const text = MEASURE_TEXT[m][lang];
    return lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  };
}

interface AgencyDraft {
  id: string;
  name: string;
  measures: Measure[];
  email: string;
  webhookUrl: string;
}

const draftOf = (a?: AgencyJson): AgencyDraft => ({
  id: a?.id ?? '',
  name: a?.name ?? '',
  measures: a?.measures ?? [],
  email: a?.contacts.email ?? '',
  webhookUrl: a?.contacts.webhookUrl ?? '',
});

const bodyOf = (d: AgencyDraft) => ({
  name: d.name,
  // In the order the service lists them, whatever order they were ticked in.
  measures: MEASURES.filter((m) => d.measures.includes(m)),
  contacts: contactsBody({ email: d.email, webhookUrl: d.webhookUrl }),
});

export function Agencies() {
  const t = useText(TEXT);
  const s = useText(EDITOR_TEXT);
  const measureLabel = useMeasureLabel();
  const { data, error, loading, reload } = useAsync(() => api<{ items: AgencyJson[] }>('GET', '/agencies'), []);
  const editor = useRowEditor();
  const columns = 5;

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <p role="status" className={editor.status ? 'notice' : 'status-slot'}>
        {editor.status}
      </p>
      {loading && !data && <Loading />}
      <ErrorBox error={error} />
      {data && <UncoveredMeasures agencies={data.items} />}
      {data && (
        <div className="table-wrap">
          <table className="stack admin-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.id}</th>
                <th scope="col">{t.measures}</th>
                <th scope="col">{t.contacts}</th>
                <th scope="col" className="actions">
                  {t.actions}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.length === 0 && (
                <tr>
                  <td colSpan={columns}>{t.empty}</td>
                </tr>
              )}
              {data.items.flatMap((a) => {
                const open = editor.editing === a.id;
                const row = (
                  <tr key={a.id}>
                    <th scope="row">{a.name}</th>
                    <td data-label={t.id} className="nowrap">
                      <span className="code">{a.id}</span>
                    </td>
                    <td data-label={t.measures}>
                      {a.measures.length === 0 ? (
                        <span className="muted">{t.noMeasures}</span>
                      ) : (
                        <ul className="plain-list">
                          {a.measures.map((m) => (
                            <li key={m}>{measureLabel(m)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td data-label={t.contacts}>
                      <ContactList contacts={a.contacts} />
                    </td>
                    <td className="actions" data-label={t.actions}>
                      <EditButton id={a.id} name={a.name} open={open} onClick={() => (open ? editor.close(a.id) : editor.open(a.id))} />
                    </td>
                  </tr>
                );
                if (!open) return [row];
                return [
                  row,
                  <EditRow key={`${a.id}-edit`} id={`edit-row-${a.id}`} colSpan={columns} title={s.editing(a.name)}>
                    <AgencyForm
                      agency={a}
                      onDone={(saved) => {
                        editor.close(a.id, s.saved(saved.name));
                        reload();
                      }}
                      onCancel={() => editor.close(a.id)}
                    />
                  </EditRow>,
                ];
              })}
            </tbody>
          </table>
        </div>
      )}

      <section className="card add-card" aria-labelledby="add-agency">
        <h2 id="add-agency">{t.addTitle}</h2>
        <AgencyForm
          onDone={(saved) => {
            editor.setStatus(s.added(saved.name));
            reload();
          }}
        />
      </section>
    </Page>
  );
}

function UncoveredMeasures({ agencies }: { agencies: AgencyJson[] }) {
  const t = useText(TEXT);
  const measureLabel = useMeasureLabel();
  const uncovered = MEASURES.filter((m) => !agencies.some((a) => a.measures.includes(m)));
  if (uncovered.length === 0) return null;
  return (
    <div className="error-box">
      <p className="error-title">{t.uncovered}</p>
      <ul className="plain-list">
        {uncovered.map((m) => (
          <li key={m}>{measureLabel(m)}</li>
        ))}
      </ul>
    </div>
  );
}

function AgencyForm({ agency, onDone, onCancel }: { agency?: AgencyJson; onDone: (saved: AgencyJson) => void; onCancel?: () => void }) {
  const t = useText(TEXT);
  const s = useText(EDITOR_TEXT);
  const measureLabel = useMeasureLabel();
  const errorId = useId();
  const [draft, setDraft] = useState<AgencyDraft>(() => draftOf(agency));
  const set = (patch: Partial<AgencyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const command = useCommand(
    useCallback(
      async (d: AgencyDraft) => {
        const saved = agency
          ? await api<AgencyJson>('PATCH', `/agencies/${encodeURIComponent(agency.id)}`, bodyOf(d))
          : await api<AgencyJson>('POST', '/agencies', { id: d.id.trim(), ...bodyOf(d) });
        if (!agency) setDraft(draftOf());
        onDone(saved);
      },
      [agency, onDone],
    ),
  );
  const issue = (path: string) => (command.error instanceof ApiError ? command.error.issueFor(path) : undefined);
  const measuresError = command.error instanceof ApiError ? command.error.issues.find((i) => /^(body\.)?measures(\.|$)/.test(i.path))?.message : undefined;
  const toggle = (m: Measure, on: boolean) => set({ measures: on ? [...draft.measures, m] : draft.measures.filter((x) => x !== m) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void command.send(draft);
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        {!agency && (
          <div className="span-all">
            <TextInput label={t.id} hint={t.idHint} value={draft.id} error={issue('id')} autoComplete="off" onChange={(e) => set({ id: e.target.value })} />
          </div>
        )}
        <TextInput label={t.name} value={draft.name} error={issue('name')} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
        <TextInput label={s.email} type="email" value={draft.email} error={issue('contacts.email')} autoComplete="off" onChange={(e) => set({ email: e.target.value })} />
        <TextInput label={s.webhookUrl} type="url" value={draft.webhookUrl} error={issue('contacts.webhookUrl')} autoComplete="off" onChange={(e) => set({ webhookUrl: e.target.value })} />
      </div>
      <fieldset className={measuresError ? 'field-invalid' : undefined} aria-describedby={measuresError ? errorId : undefined}>
        <legend>{t.measures}</legend>
        {MEASURES.map((m) => (
          <label key={m} className="check">
            <input type="checkbox" checked={draft.measures.includes(m)} onChange={(e) => toggle(m, e.target.checked)} />
            {measureLabel(m)}
          </label>
        ))}
        {measuresError && (
          <p className="field-error" id={errorId}>
            {measuresError}
          </p>
        )}
      </fieldset>
      <ErrorBox error={command.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={command.busy}>
          {command.busy ? s.saving : agency ? s.save : t.add}
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
