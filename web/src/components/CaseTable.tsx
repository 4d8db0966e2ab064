import { useFormat } from '../i18n';
import { Link } from '../router';
import type { CaseJson } from '../types';

/** The column names of the cells that identify a case; without `overdue` the amount is left out. */
export interface CaseColumns {
  caseNumber: string;
  complainant: string;
  respondent: string;
  overdue?: string;
}

export function CaseHeadCells({ columns }: { columns: CaseColumns }) {
  return (
    <>
      <th scope="col">{columns.caseNumber}</th>
      <th scope="col">{columns.complainant}</th>
      <th scope="col">{columns.respondent}</th>
      {columns.overdue !== undefined && (
        <th scope="col" className="num">
          {columns.overdue}
        </th>
      )}
    </>
  );
}

/** A case in a list: its number (a link to the case), who complains, about whom, and how much is overdue. */
export function CaseCells({ c, columns, linkClass }: { c: CaseJson; columns: CaseColumns; linkClass?: string }) {
  const f = useFormat();
  return (
    <>
      <td data-label={columns.caseNumber}>
        <Link to={`/cases/${c.id}`} className={linkClass}>
          {c.caseNumber}
        </Link>
      </td>
      <td data-label={columns.complainant}>{c.complainant.name}</td>
      <td data-label={columns.respondent}>{c.respondent.name}</td>
      {columns.overdue !== undefined && (
        <td data-label={columns.overdue} className="num">
          {f.yuan(c.contract.overdueAmount)}
        </td>
      )}
    </>
  );
}
