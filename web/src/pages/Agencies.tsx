import { useId } from 'react';
import { api, ApiError } from '../api';
import { useLang, useText } from '../i18n';
import { TextInput, useAsync } from '../ui';
import { MEASURES, MEASURE_TEXT, type Measure } from '@domain/sanctions';
import type { Contacts } from '../types';
import { ContactInputs, ContactList, contactsBody, RecordEditor, RecordForm, useRecordForm, type RecordFormProps } from '../components/RecordEditor';
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
  const measureLabel = useMeasureLabel();
  const { data, error, loading, reload } = useAsync(() => api<{ items: AgencyJson[] }>('GET', '/agencies'), []);

  return (
    <RecordEditor
      words={t}
      headers={[{ label: t.name }, { label: t.id }, { label: t.measures }, { label: t.contacts }]}
      addId="add-agency"
      records={data?.items}
      loading={loading}
      error={error}
      reload={reload}
      notice={data && <UncoveredMeasures agencies={data.items} />}
      nameOf={(a) => a.name}
      cells={(a) => (
        <>
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
        </>
      )}
      form={(props) => <AgencyForm {...props} />}
    />
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

const CONTACT_FIELDS = ['email', 'webhookUrl'] as const;

function AgencyForm({ record: agency, onDone, onCancel }: RecordFormProps<AgencyJson>) {
  const t = useText(TEXT);
  const measureLabel = useMeasureLabel();
  const errorId = useId();
  const form = useRecordForm({ path: '/agencies', record: agency, draftOf, bodyOf, onDone });
  const { draft, set, issue, error } = form;
  const measuresError = error instanceof ApiError ? error.issues.find((i) => /^(body\.)?measures(\.|$)/.test(i.path))?.message : undefined;
  const toggle = (m: Measure, on: boolean) => set({ measures: on ? [...draft.measures, m] : draft.measures.filter((x) => x !== m) });

  return (
    <RecordForm
      form={form}
      words={t}
      onCancel={onCancel}
      after={
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
      }
    >
      <TextInput label={t.name} value={draft.name} error={issue('name')} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
      <ContactInputs fields={CONTACT_FIELDS} values={draft} onChange={(k, v) => set({ [k]: v })} issue={issue} />
    </RecordForm>
  );
}
