import { api } from '../api';
import { useText } from '../i18n';
import { RESPONDENT_TYPE_LABEL } from '../labels';
import { Select, TextInput, useAsync } from '../ui';
import type { RespondentType } from '@domain/case-status';
import type { UnitJson } from '../types';
import { useRegionName, useRegionOptions } from '../regions';
import { RecordEditor, RecordForm, useRecordForm, type RecordFormProps } from '../components/RecordEditor';
import './admin.css';

interface RuleJson {
  id: string;
  regionCode: string | null;
  supervisingDepartment: string | null;
  respondentType: RespondentType | null;
  unitId: string;
  priority: number;
  isFallback: boolean;
}

const RESPONDENT_TYPES = Object.keys(RESPONDENT_TYPE_LABEL.zh) as RespondentType[];

const TEXT = {
  zh: {
    title: '分办规则',
    intro:
      '按“属地管理、分级负责，谁主管谁负责”把受理的投诉分给承办单位：写明主管部门的规则优先于只写属地的规则；条件相同时，优先级数字小的优先；没有规则匹配时，交给兜底单位。留空的条件表示“不限”。',
    caption: '分办规则列表',
    id: '规则编号',
    idHint: '2–63 个小写字母、数字或短横线，添加后不能修改。',
    region: '属地',
    department: '主管部门',
    departmentHint: '与投诉中被投诉方的主管部门名称完全一致时匹配；留空表示不限。',
    respondentType: '被投诉方类型',
    unit: '承办单位',
    priority: '优先级',
    priorityHint: '0–100000，数字越小越优先。',
    fallback: '兜底',
    fallbackLabel: '兜底规则（没有其他规则匹配时使用）',
    yes: '是',
    no: '否',
    any: '不限',
    actions: '操作',
    addTitle: '添加分办规则',
    add: '添加',
    empty: '还没有分办规则。',
    chooseUnit: '请选择承办单位',
  },
  en: {
    title: 'Routing rules',
    intro:
      'Accepted complaints go to a handling unit by territory first, level by level, whoever supervises is responsible: a rule naming the supervising department beats one naming only the territory; among equals the lower priority number wins; what no rule matches goes to the fallback unit. An empty condition means "any".',
    caption: 'Routing rules',
    id: 'Rule ID',
    idHint: '2–63 lower-case letters, digits or dashes; cannot be changed later.',
    region: 'Territory',
    department: 'Supervising department',
    departmentHint: "Matches when it is exactly the respondent's supervising department in the complaint; empty means any.",
    respondentType: 'Respondent type',
    unit: 'Handling unit',
    priority: 'Priority',
    priorityHint: '0–100000; lower numbers win.',
    fallback: 'Fallback',
    fallbackLabel: 'Fallback rule (used when no other rule matches)',
    yes: 'Yes',
    no: 'No',
    any: 'Any',
    actions: 'Actions',
    addTitle: 'Add a routing rule',
    add: 'Add',
    empty: 'No routing rules yet.',
    chooseUnit: 'Choose a handling unit',
  },
};

interface RuleDraft {
  id: string;
  regionCode: string;
  supervisingDepartment: string;
  respondentType: string;
  unitId: string;
  priority: string;
  isFallback: boolean;
}

const draftOf = (r?: RuleJson): RuleDraft => ({
  id: r?.id ?? '',
  regionCode: r?.regionCode ?? '',
  supervisingDepartment: r?.supervisingDepartment ?? '',
  respondentType: r?.respondentType ?? '',
  unitId: r?.unitId ?? '',
  priority: String(r?.priority ?? 100),
  isFallback: r?.isFallback ?? false,
});

/** The priority goes as a number when it reads as one, otherwise as typed, so the API names the problem. */
const bodyOf = (d: RuleDraft) => ({
  regionCode: d.regionCode || null,
  supervisingDepartment: d.supervisingDepartment.trim() || null,
  respondentType: d.respondentType || null,
  unitId: d.unitId,
  priority: /^\s*-?\d+(\.\d+)?\s*$/.test(d.priority) ? Number(d.priority) : d.priority,
  isFallback: d.isFallback,
});

export function RoutingRules() {
  const t = useText(TEXT);
  const regionName = useRegionName();
  const types = useText(RESPONDENT_TYPE_LABEL);
  const rules = useAsync(() => api<{ items: RuleJson[] }>('GET', '/routing-rules'), []);
  const units = useAsync(() => api<{ items: UnitJson[] }>('GET', '/units'), []);
  const unitList = units.data?.items ?? [];
  const unitName = (id: string) => unitList.find((u) => u.id === id)?.name ?? id;

  return (
    <RecordEditor
      words={t}
      headers={[
        { label: t.id },
        { label: t.region },
        { label: t.department },
        { label: t.respondentType },
        { label: t.unit },
        { label: t.priority, className: 'num nowrap' },
        { label: t.fallback, className: 'nowrap' },
      ]}
      addId="add-rule"
      records={rules.data?.items}
      loading={rules.loading || units.loading}
      error={rules.error ?? units.error}
      reload={rules.reload}
      nameOf={(r) => r.id}
      cells={(r) => (
        <>
          <th scope="row">
            <span className="code">{r.id}</span>
          </th>
          <td data-label={t.region} className="nowrap">
            {regionName(r.regionCode, t.any)}
          </td>
          <td data-label={t.department}>{r.supervisingDepartment ?? t.any}</td>
          <td data-label={t.respondentType}>{r.respondentType ? types[r.respondentType] : t.any}</td>
          <td data-label={t.unit}>{unitName(r.unitId)}</td>
          <td className="num" data-label={t.priority}>
            {r.priority}
          </td>
          <td data-label={t.fallback} className="nowrap">
            {r.isFallback ? <strong>{t.yes}</strong> : t.no}
          </td>
        </>
      )}
      form={(props) => <RuleForm {...props} units={unitList} />}
    />
  );
}

function RuleForm({ record: rule, units, onDone, onCancel }: RecordFormProps<RuleJson> & { units: UnitJson[] }) {
  const t = useText(TEXT);
  const regionOptions = useRegionOptions(t.any);
  const types = useText(RESPONDENT_TYPE_LABEL);
  const form = useRecordForm({ path: '/routing-rules', record: rule, draftOf, bodyOf, onDone });
  const { draft, set, issue } = form;

  return (
    <RecordForm
      form={form}
      words={t}
      onCancel={onCancel}
      after={
        <label className="check">
          <input type="checkbox" checked={draft.isFallback} onChange={(e) => set({ isFallback: e.target.checked })} />
          {t.fallbackLabel}
        </label>
      }
    >
      <Select
        label={t.region}
        value={draft.regionCode}
        error={issue('regionCode')}
        options={regionOptions}
        onChange={(e) => set({ regionCode: e.target.value })}
      />
      <TextInput
        label={t.department}
        hint={t.departmentHint}
        value={draft.supervisingDepartment}
        error={issue('supervisingDepartment')}
        autoComplete="off"
        onChange={(e) => set({ supervisingDepartment: e.target.value })}
      />
      <Select
        label={t.respondentType}
        value={draft.respondentType}
        error={issue('respondentType')}
        options={[{ value: '', label: t.any }, ...RESPONDENT_TYPES.map((r) => ({ value: r, label: types[r] }))]}
        onChange={(e) => set({ respondentType: e.target.value })}
      />
      <Select
        label={t.unit}
        value={draft.unitId}
        error={issue('unitId')}
        options={[{ value: '', label: t.chooseUnit }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
        onChange={(e) => set({ unitId: e.target.value })}
      />
      <TextInput label={t.priority} hint={t.priorityHint} inputMode="numeric" value={draft.priority} error={issue('priority')} autoComplete="off" onChange={(e) => set({ priority: e.target.value })} />
    </RecordForm>
  );
}
