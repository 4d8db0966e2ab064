import { useState } from 'react';
import { listCases, listUnitsOrNone } from '../api';
import { useText } from '../i18n';
import { DEADLINE_LABEL, ESCALATION_LABEL } from '../labels';
import { Link } from '../router';
import type { CaseJson, UnitJson } from '../types';
import { RefreshablePage, Select, StatusBadge, useAsync } from '../ui';
import { LatenessText, latenessList, type Lateness } from '../components/DeadlineChart';
import './office.css';

const TEXT = {
  zh: {
    title: '超期督办',
    intro: '已超期或已升级督办的案件，超期最久的排在最前。',
    filter: '按承办单位筛选',
    allUnits: '全部承办单位',
    noUnit: '尚未确定承办单位',
    empty: '没有超期或督办中的案件。',
    emptyForUnit: '该单位没有超期或督办中的案件。',
    shown: (n: number, all: number) => (n === all ? `共 ${all} 件` : `显示 ${n} 件，共 ${all} 件`),
    caseNumber: '案件编号',
    respondent: '被投诉人',
    unit: '承办单位',
    status: '状态',
    level: '督办级别',
    missed: '超期的期限',
    lateness: '超期',
    notLate: '未超期',
    none: '—',
    caption: '超期及督办案件',
    next: '下一步',
    reviewNow: '市办公室审核已超期：请立即受理或不予受理',
    decideExtension: '承办单位申请延期：请审批',
    nextRung: (rung: string) => `下一级：${rung}（到期自动升级，也可在案件页手动升级）`,
    summons: '已到约谈、通报：约谈单位负责人；被投诉方拒不支付的，可认定情节严重，启动联合惩戒',
    watch: '跟踪办理进度',
  },
  en: {
    title: 'Lateness board',
    intro: 'Cases past a deadline or escalated, the latest first.',
    filter: 'Filter by handling unit',
    allUnits: 'All handling units',
    noUnit: 'No handling unit yet',
    empty: 'No case is late or escalated.',
    emptyForUnit: 'No case of this unit is late or escalated.',
    shown: (n: number, all: number) => (n === all ? `${all} case${all === 1 ? '' : 's'}` : `${n} of ${all} cases`),
    caseNumber: 'Case number',
    respondent: 'Respondent',
    unit: 'Handling unit',
    status: 'Status',
    level: 'Escalation',
    missed: 'Deadline missed',
    lateness: 'How late',
    notLate: 'Not late',
    none: '—',
    caption: 'Late and escalated cases',
    next: 'What to do',
    reviewNow: "The office's own review is late: accept or reject it now",
    decideExtension: 'The unit asks for more time: decide on it',
    nextRung: (rung: string) => `Next rung: ${rung} (automatic when the step passes, or escalate by hand on the case page)`,
    summons: "Summons reached: meet the unit's principal; if the respondent refuses to pay, find the case serious to start joint sanctions",
    watch: 'Follow the handling',
  },
};

const NO_UNIT = '__none__';

interface Row {
  c: CaseJson;
  late: Lateness[];
}

/** The clerk's next move for a late case, from who is late and how far up the ladder it is. */
function nextStep(c: CaseJson, late: Lateness[], t: (typeof TEXT)['zh'], ladder: Record<number, string>): string {
  if (c.pendingExtension) return t.decideExtension;
  if (late.some((l) => l.deadline.name === 'review')) return t.reviewNow;
  if (c.escalationLevel >= 3) return t.summons;
  if (late.some((l) => l.deadline.name === 'sign' || l.deadline.name === 'handling')) return t.nextRung(ladder[c.escalationLevel + 1] ?? '');
  return t.watch;
}

export function LatenessBoard() {
  const t = useText(TEXT);
  // Kept here, not in the board, so a refresh that fails and then succeeds keeps the filter.
  const filter = useState('');
  const state = useAsync(
    () => Promise.all([Promise.all([listCases({ overdue: 'true' }), listCases({ escalationLevel: 1 }), listCases({ escalationLevel: 2 }), listCases({ escalationLevel: 3 })]), listUnitsOrNone()]),
    [],
  );

  return (
    <RefreshablePage title={t.title} intro={t.intro} state={state}>
      {([lists, units]) => <Board lists={lists} units={units} filter={filter} />}
    </RefreshablePage>
  );
}

function Board({ lists, units, filter: [unitFilter, setUnitFilter] }: { lists: CaseJson[][]; units: UnitJson[]; filter: [string, (unitId: string) => void] }) {
  const t = useText(TEXT);
  const deadlineNames = useText(DEADLINE_LABEL);
  const ladder = useText(ESCALATION_LABEL);
  const byId = new Map<string, CaseJson>();
  for (const c of lists.flat()) byId.set(c.id, c);
  const now = Date.now();
  const rows: Row[] = [...byId.values()]
    .map((c) => ({ c, late: latenessList(c.deadlines, now) }))
    .sort((a, b) => (b.late[0]?.score ?? 0) - (a.late[0]?.score ?? 0) || b.c.escalationLevel - a.c.escalationLevel || a.c.createdAt.localeCompare(b.c.createdAt));
  const shown = rows.filter(({ c }) => !unitFilter || (unitFilter === NO_UNIT ? c.unitId === null : c.unitId === unitFilter));
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : t.noUnit);

  return (
    <>
      <div className="filter-bar">
        <Select
          label={t.filter}
          value={unitFilter}
          onChange={(e) => setUnitFilter(e.target.value)}
          options={[{ value: '', label: t.allUnits }, ...units.map((u) => ({ value: u.id, label: u.name })), { value: NO_UNIT, label: t.noUnit }]}
        />
        <p className="muted filter-count" role="status">
          {t.shown(shown.length, rows.length)}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{unitFilter ? t.emptyForUnit : t.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.caseNumber}</th>
                <th scope="col">{t.respondent}</th>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.level}</th>
                <th scope="col">{t.missed}</th>
                <th scope="col">{t.lateness}</th>
                <th scope="col">{t.next}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ c, late }) => (
                <tr key={c.id}>
                  <td data-label={t.caseNumber}>
                    <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>
                  </td>
                  <td data-label={t.respondent}>{c.respondent.name}</td>
                  <td data-label={t.unit}>{unitName(c.unitId)}</td>
                  <td data-label={t.status}>
                    <StatusBadge status={c.status} />
                  </td>
                  <td data-label={t.level}>
                    <span className={`ladder ladder-${c.escalationLevel}`}>
                      {c.escalationLevel} · {ladder[c.escalationLevel] ?? c.escalationLevel}
                    </span>
                  </td>
                  <td data-label={t.missed}>{late.length ? [...new Set(late.map((l) => deadlineNames[l.deadline.name]))].join(' / ') : t.none}</td>
                  <td data-label={t.lateness}>{late[0] ? <LatenessText l={late[0]} /> : <span className="muted">{t.notLate}</span>}</td>
                  <td data-label={t.next}>{nextStep(c, late, t, ladder)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
