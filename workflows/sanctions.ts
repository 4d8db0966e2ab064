import { condition, defineQuery, defineSignal, setHandler, sleep } from '@temporalio/workflow';
import type { Complaint } from '../domain/complaint';
import { WorkingCalendar, type CalendarData } from '../domain/calendar';
import { deadlineAfter, type DeadlineSpec } from '../domain/policy';
import { liftOrderSequence, measuresFor, type Measure } from '../domain/sanctions';
import { delivery, records } from './activities';

export interface SanctionsInput {
  caseId: string;
  caseNumber: string;
  respondent: Complaint['respondent'];
  reason: string;
  /** Credit repair waits at least this long after listing (absent in runs started before it existed). */
  publicityMin?: DeadlineSpec;
  calendar?: CalendarData;
}

export interface SanctionsState {
  stage: 'imposing' | 'listed' | 'repairing' | 'lifted';
  imposed: Measure[];
  lifted: Measure[];
  listedSince: string | null;
  paidInFullAt: string | null;
}

/** The case tells its sanctions that the respondent has now paid in full: credit repair may begin. */
export const paidInFullSignal = defineSignal<[{ at: string }]>('paidInFull');
export const sanctionsStateQuery = defineQuery<SanctionsState>('sanctionsState');

const { issueSanctionOrder, listDishonestPayer, delistDishonestPayer } = records;
const { dispatchDeliveries } = delivery;

const DEFAULT_PUBLICITY: DeadlineSpec = { kind: 'calendar_days', days: 90 };

/**
 * Started when the office finds a case serious; it outlives the case (parent-close policy ABANDON).
 * Every measure that applies to the respondent's type goes as an order to its agency, and the respondent is
 * listed publicly. The measures imposed are kept as the list of what credit repair must undo: once the
 * respondent has paid in full and the minimum publicity period has passed, lifting orders go to the same
 * agencies in reverse order, each delivered before the next, and the listing is lifted.
 */
export async function sanctionsWorkflow(input: SanctionsInput): Promise<SanctionsState> {
  const state: SanctionsState = { stage: 'imposing', imposed: [], lifted: [], listedSince: null, paidInFullAt: null };
  setHandler(sanctionsStateQuery, () => state);
  setHandler(paidInFullSignal, ({ at }) => {
    state.paidInFullAt ??= at;
  });

  const order = (measure: Measure, kind: 'impose' | 'lift') =>
    issueSanctionOrder({ caseId: input.caseId, caseNumber: input.caseNumber, respondent: input.respondent, measure, kind });

  for (const measure of measuresFor(input.respondent.type)) {
    await order(measure, 'impose');
    state.imposed.push(measure);
  }
  const listed = await listDishonestPayer({ caseId: input.caseId, respondent: input.respondent, publicitySince: new Date().toISOString() });
  state.listedSince = listed.listedSince;
  state.stage = 'listed';
  await deliverAll(input.caseId);

  await condition(() => state.paidInFullAt !== null);
  state.stage = 'repairing';
  const calendar = new WorkingCalendar(input.calendar ?? { years: [], holidays: [], workdays: [] });
  const publicUntil = deadlineAfter(new Date(state.listedSince), input.publicityMin ?? DEFAULT_PUBLICITY, calendar);
  const wait = publicUntil.getTime() - Date.now();
  if (wait > 0) await sleep(wait);

  for (const measure of liftOrderSequence(state.imposed)) {
    const lifted = await order(measure, 'lift');
    await deliverAll(input.caseId, lifted.deliveryIds);
    state.lifted.push(measure);
  }
  await delistDishonestPayer({ caseId: input.caseId, delistedAt: new Date().toISOString() });
  await deliverAll(input.caseId);
  state.stage = 'lifted';
  return state;
}

/** Sends what is waiting, retrying on the outbox's own schedule until nothing is left pending. */
async function deliverAll(caseId: string, deliveryIds?: string[]): Promise<void> {
  for (;;) {
    const r = await dispatchDeliveries({ caseId, deliveryIds });
    if (r.pending === 0) return;
    const next = r.nextAttemptAt ? new Date(r.nextAttemptAt).getTime() - Date.now() : 1000;
    // At least a second between rounds, whatever the database's clock says (see the case workflow).
    await sleep(Math.max(1000, next));
  }
}
