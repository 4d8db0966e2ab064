import { useText, type Texts } from '../i18n';
import { api } from '../api';
import { Select, TextInput, useAsync } from '../ui';
import type { UnitJson, UnitKind } from '../types';
import { useRegionName, useRegionOptions } from '../regions';
import { ContactInputs, ContactList, contactsBody, EDITOR_TEXT, RecordEditor, RecordForm, useRecordForm, type RecordFormProps } from '../components/RecordEditor';
import './admin.css';

const KIND_LABEL: Texts<Record<UnitKind, string>> = {
  zh: { county_government: '县（市、区）人民政府', city_department: '市直部门', office: '市领导小组办公室' },
  en: { county_government: 'County or district government', city_department: 'City department', office: 'City office' },
};
const KINDS = Object.keys(KIND_LABEL.zh) as UnitKind[];

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
  const kinds = useText(KIND_LABEL);
  const regionName = useRegionName();
  const { data, error, loading, reload } = useAsync(() => api<{ items: UnitJson[] }>('GET', '/units'), []);
  const units = data?.items ?? [];
  const nameOf = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : '—');

  return (
    <RecordEditor
      words={t}
      headers={[{ label: t.name }, { label: t.id }, { label: t.kind }, { label: t.region }, { label: t.parent }, { label: t.contacts }]}
      addId="add-unit"
      records={data?.items}
      loading={loading}
      error={error}
      reload={reload}
      nameOf={(u) => u.name}
      cells={(u) => (
        <>
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
        </>
      )}
      form={(props) => <UnitForm {...props} units={units} />}
    />
  );
}

const CONTACT_FIELDS = ['email', 'leadershipEmail', 'webhookUrl', 'phone'] as const;

/** Adds a unit (no `record`) or edits one; the API's own messages appear by each field. */
function UnitForm({ record: unit, units, onDone, onCancel }: RecordFormProps<UnitJson> & { units: UnitJson[] }) {
  const t = useText(TEXT);
  const s = useText(EDITOR_TEXT);
  const kinds = useText(KIND_LABEL);
  const regionOptions = useRegionOptions(s.none);
  const form = useRecordForm({ path: '/units', record: unit, draftOf, bodyOf, onDone });
  const { draft, set, issue } = form;

  return (
    <RecordForm form={form} words={t} onCancel={onCancel}>
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
      <ContactInputs fields={CONTACT_FIELDS} values={draft} onChange={(k, v) => set({ [k]: v })} issue={issue} />
    </RecordForm>
  );
}
