import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  sleep,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Actor, CaseDeadline, TimelineEvent } from '../domain/case-record';
import { ESCALATION_STEPS, HIGHEST_ESCALATION_LEVEL, decide, isTerminal, type CaseCommand, type CaseState, type EscalationLevel } from '../domain/case-status';
import { WorkingCalendar, type CalendarData } from '../domain/calendar';
import { endOfBeijingDay } from '../domain/beijing-date';
import { deadlineAfter, extendHandling, reminderAt, resolvePolicyOver, type CasePolicy } from '../domain/policy';
import type { Complaint } from '../domain/complaint';
import { delivery, records } from './activities';
import { newCaseView, type CaseView, type Instalment } from './case-view';
import * as msg from './messages';
import { CaseStatusKey, EscalationLevelKey, NextDeadlineKey, UnitIdKey } from './search-attributes';
import { paidInFullSignal, sanctionsWorkflow } from './sanctions';

export interface CaseInput {
  caseId: string;
  caseNumber: string;
  filedAt: string;
  complaint: Complaint;
  /** Fixed when the case starts: a new policy or calendar applies to new cases only, unless the office changes this case's policy on purpose. */
  policy: CasePolicy;
  calendar: CalendarData;
  /** Present when the case continued as new: everything it had before. */
  carried?: CarriedState;
  /**
   * Continue as new once the history has this many events, besides whenever Temporal suggests it. Operators
   * may want shorter histories; tests use it to take the continue-as-new path on purpose.
   */
  historyLimit?: number;
}

interface CarriedState {
  view: CaseView;
  timers: Timers;
}

/** Moments the workflow must wake for; all ISO instants, null when nothing is pending. */
interface Timers {
  reminders: Record<string, string>;
  ladderNextAt: string | null;
  ladderDeadline: string | null;
  respondentLadderNextAt: string | null;
  /** When the case's outbox should be dispatched next; null when nothing waits (absent in older runs). */
  deliveryDueAt?: string | null;
}

const { projectCase, routeCase } = records;
const { dispatchDeliveries } = delivery;

const SYSTEM: Actor = { role: 'system', id: 'workflow' };
/** Who each rung of the unit ladder reaches; `cc` is a copy, `circular` a city-wide 通报. */
const LADDER_RECIPIENTS: Record<EscalationLevel, { to: string[]; cc?: string[]; circular?: string }> = {
  0: { to: [] },
  1: { to: ['unit'], cc: ['unit_leadership'] },
  2: { to: ['unit', 'unit_leadership'] },
  3: { to: ['unit_principal'], circular: 'all_units' },
};
const RESPONDENT_LADDER = ['respondent_supervision_order', 'respondent_summons', 'respondent_circular', 'rectification_order'] as const;

/** One complaint, from filing to closure (DOMAIN.md steps 1–11). */
export async function complaintCase(input: CaseInput): Promise<CaseView> {
  const calendar = new WorkingCalendar(input.calendar);
  let policy = input.policy;
  const view: CaseView = input.carried?.view ?? newCaseView(input.caseId, input.caseNumber);
  const timers: Timers = input.carried?.timers ?? { reminders: {}, ladderNextAt: null, ladderDeadline: null, respondentLadderNextAt: null };
  let changed = false;
  // Runs started before notifications were sent from the workflow replay without them.
  const notifies = patched('outbox-and-credit-repair');
  const sanctionsWorkflowId = `${input.caseId}-sanctions`;

  const now = () => new Date();
  const iso = (d: Date) => d.toISOString();

  function record(type: string, actor: Actor, data: Record<string, unknown> = {}): void {
    view.seq += 1;
    const event: TimelineEvent = { seq: view.seq, type, actor, at: iso(now()), data };
    view.timeline.push(event);
    changed = true;
  }

  function openDeadline(name: CaseDeadline['name'], dueAt: Date, reminderSpecFrom?: Date): CaseDeadline {
    const count = view.deadlines.filter((d) => d.name === name).length + 1;
    const deadline: CaseDeadline = { key: `${name}:${count}`, name, openedAt: iso(now()), dueAt: iso(dueAt), state: 'open' };
    view.deadlines.push(deadline);
    if (reminderSpecFrom) {
      const at = reminderAt(reminderSpecFrom, dueAt, policy.reminderLead, calendar);
      if (at) timers.reminders[deadline.key] = iso(at);
    }
    return deadline;
  }

  /**
   * The stage a deadline belongs to is over. A deadline already missed stays missed, but the ladder it
   * started stops: whoever was late has now acted.
   */
  function closeDeadlines(name: CaseDeadline['name'], state: 'met' | 'cancelled'): void {
    for (const d of view.deadlines) {
      if (d.name !== name) continue;
      if (d.state === 'open') {
        d.state = state;
        if (state === 'met') d.metAt = iso(now());
        delete timers.reminders[d.key];
      }
      if (timers.ladderDeadline === d.key) stopLadder();
    }
  }

  function closeAllDeadlines(): void {
    for (const name of ['review', 'sign', 'handling', 'feedback', 'instalment'] as const) closeDeadlines(name, 'cancelled');
    timers.respondentLadderNextAt = null;
  }

  function refreshDerived(): void {
    const open = view.deadlines.filter((d) => d.state === 'open').map((d) => d.dueAt).sort();
    view.nextDeadlineAt = open[0] ?? null;
  }

  async function publish(): Promise<CaseView> {
    refreshDerived();
    upsertSearchAttributes([
      { key: CaseStatusKey, value: view.status },
      { key: UnitIdKey, value: view.unitId },
      { key: EscalationLevelKey, value: view.escalationLevel },
      { key: NextDeadlineKey, value: view.nextDeadlineAt ? new Date(view.nextDeadlineAt) : null },
    ]);
    await projectCase({ view, complaint: input.complaint });
    // The projection wrote the notifications into the outbox; the main loop sends them without holding up the case.
    if (notifies) {
      timers.deliveryDueAt = iso(now());
      // Wake the main loop even if it already went back to sleep while the projection ran.
      changed = true;
    }
    return view;
  }

  function caseState(): CaseState {
    return {
      status: view.status,
      unitId: view.unitId,
      escalationLevel: view.escalationLevel,
      reopenCount: view.reopenCount,
      seriousFound: view.seriousFound,
      pendingExtension: view.pendingExtension !== null,
      outcome: view.outcome,
      feedbackGiven: view.feedbackGiven,
    };
  }

  /** Validators call this: an impossible command is refused before anything reaches history. */
  function check(command: CaseCommand): CaseState {
    const verdict = decide(caseState(), command);
    if (!verdict.ok) throw ApplicationFailure.create({ type: 'TransitionRefused', message: verdict.reason, nonRetryable: true });
    return verdict.state;
  }

  /** Handlers call this: the transition table, not the handler, says what the case becomes. */
  function apply(command: CaseCommand): CaseState {
    const next = check(command);
    view.status = next.status;
    view.unitId = next.unitId;
    view.escalationLevel = next.escalationLevel;
    view.reopenCount = next.reopenCount;
    view.seriousFound = next.seriousFound;
    view.outcome = next.outcome;
    view.feedbackGiven = next.feedbackGiven;
    if (!next.pendingExtension) view.pendingExtension = null;
    if (next.unitId && !view.unitHistory.includes(next.unitId)) view.unitHistory.push(next.unitId);
    return next;
  }

  function requireActor(actor: Actor, ...roles: Actor['role'][]): void {
    if (!roles.includes(actor.role)) {
      throw ApplicationFailure.create({ type: 'Forbidden', message: `only ${roles.join(' or ')} may do this`, nonRetryable: true });
    }
    if (actor.role === 'unit' && actor.id !== view.unitId) {
      throw ApplicationFailure.create({ type: 'Forbidden', message: 'the case is not assigned to this unit', nonRetryable: true });
    }
  }

  // ---- stage entries -------------------------------------------------------------------------

  const refuse = (message: string, type = 'TransitionRefused') => ApplicationFailure.create({ type, message, nonRetryable: true });

  function startReview(from: Date): void {
    openDeadline('review', deadlineAfter(from, policy.review, calendar), from);
  }

  /** The unit is already set by the transition; this records the forwarding and starts the sign-for clock. */
  function forwarded(actor: Actor, how: 'routed' | 'reassigned' | 'chosen'): void {
    if (view.unitId && !view.unitHistory.includes(view.unitId)) view.unitHistory.push(view.unitId);
    record('forwarded', actor, { unitId: view.unitId, how });
    openDeadline('sign', deadlineAfter(now(), policy.sign, calendar), now());
  }

  function startHandling(actor: Actor, type: 'signed' | 'reopened', data: Record<string, unknown> = {}): void {
    record(type, actor, data);
    view.handlingExtendedDays = 0;
    view.handlingStartedAt = iso(now());
    view.pendingExtension = null;
    if (type === 'reopened') {
      view.result = null;
      view.plan = [];
    }
    openDeadline('handling', deadlineAfter(now(), policy.handling, calendar), now());
  }

  function stopUnitClocks(): void {
    closeDeadlines('sign', 'cancelled');
    closeDeadlines('handling', 'cancelled');
  }

  // ---- decisions (updates) -------------------------------------------------------------------

  const reviewCommand = (a: msg.ReviewArgs): CaseCommand =>
    a.decision === 'accept'
      ? { type: 'accept', unitId: a.unitId }
      : a.decision === 'reject'
        ? { type: 'reject', reason: a.reason ?? 'incomplete' }
        : { type: 'request_information' };

  setHandler(
    msg.reviewUpdate,
    async (args) => {
      const { actor, decision, reason, note } = args;
      closeDeadlines('review', 'met');
      apply(reviewCommand(args));
      if (decision === 'accept') {
        record('accepted', actor, { note });
        if (view.unitId) {
          forwarded(actor, 'chosen');
        } else {
          const routed = await routeCase({
            regionCode: input.complaint.respondent.regionCode,
            supervisingDepartment: input.complaint.respondent.supervisingDepartment ?? null,
            respondentType: input.complaint.respondent.type,
            exclude: [],
          });
          view.unitId = routed.unitId;
          forwarded(SYSTEM, 'routed');
        }
      } else if (decision === 'reject') {
        record('rejected', actor, { reason, note });
        closeAllDeadlines();
      } else {
        record('information_requested', actor, { note });
      }
      return publish();
    },
    {
      validator: (args) => {
        requireActor(args.actor, 'office', 'admin');
        if (args.decision === 'reject' && !args.reason) throw refuse('A rejection needs a reason from the statutory list.');
        check(reviewCommand(args));
      },
    },
  );

  setHandler(
    msg.supplementUpdate,
    async ({ actor, text }) => {
      apply({ type: 'supply_information' });
      record('information_supplied', actor, { text });
      // The review clock restarts when the material is complete.
      startReview(now());
      return publish();
    },
    { validator: ({ actor }) => (requireActor(actor, 'complainant', 'office'), void check({ type: 'supply_information' })) },
  );

  setHandler(
    msg.signUpdate,
    async ({ actor }) => {
      closeDeadlines('sign', 'met');
      apply({ type: 'sign' });
      startHandling(actor, 'signed', { unitId: view.unitId });
      return publish();
    },
    { validator: ({ actor }) => (requireActor(actor, 'unit'), void check({ type: 'sign' })) },
  );

  function handlingDeadline(): CaseDeadline | undefined {
    return view.deadlines.find((d) => d.name === 'handling' && d.state === 'open');
  }

  /** The office may extend handling, but never past the policy's maximum counted from receipt. */
  function extensionVerdict(days: number) {
    const current = handlingDeadline();
    if (!current || !view.handlingStartedAt) return { ok: false as const, reason: 'There is no open handling deadline to extend.' };
    return extendHandling({ receivedAt: new Date(view.handlingStartedAt), currentDue: new Date(current.dueAt), requestedDays: days, policy, calendar });
  }

  function refuseExtensionBeyondMax(days: number): void {
    const verdict = extensionVerdict(days);
    if (!verdict.ok) throw refuse(verdict.reason);
  }

  setHandler(
    msg.extensionRequestUpdate,
    async ({ actor, days, reason }) => {
      apply({ type: 'request_extension' });
      view.pendingExtension = { days, reason };
      record('extension_requested', actor, { days, reason });
      return publish();
    },
    {
      validator: ({ actor, days }) => {
        requireActor(actor, 'unit');
        check({ type: 'request_extension' });
        refuseExtensionBeyondMax(days);
      },
    },
  );

  setHandler(
    msg.extensionDecisionUpdate,
    async ({ actor, approve, days }) => {
      const requested = view.pendingExtension;
      apply({ type: 'decide_extension', approve });
      const granted = days ?? requested?.days ?? 0;
      const current = handlingDeadline();
      const verdict = extensionVerdict(granted);
      if (!approve || !current || !verdict.ok) {
        record('extension_denied', actor, { requestedDays: requested?.days });
        return publish();
      }
      current.dueAt = iso(verdict.due);
      current.extended = true;
      view.handlingExtendedDays += granted;
      const at = reminderAt(now(), verdict.due, policy.reminderLead, calendar);
      if (at) timers.reminders[current.key] = iso(at);
      else delete timers.reminders[current.key];
      record('extension_approved', actor, { days: granted, dueAt: current.dueAt });
      return publish();
    },
    {
      validator: ({ actor, approve, days }) => {
        requireActor(actor, 'office', 'admin');
        check({ type: 'decide_extension', approve });
        if (approve) refuseExtensionBeyondMax(days ?? view.pendingExtension?.days ?? 0);
      },
    },
  );

  setHandler(
    msg.returnUpdate,
    async ({ actor, reason }) => {
      const unitId = view.unitId;
      stopUnitClocks();
      stopLadder();
      apply({ type: 'return_case' });
      record('returned_by_unit', actor, { unitId, reason });
      return publish();
    },
    { validator: ({ actor }) => (requireActor(actor, 'unit'), void check({ type: 'return_case' })) },
  );

  setHandler(
    msg.reassignUpdate,
    async ({ actor, unitId, note }) => {
      stopUnitClocks();
      stopLadder();
      apply({ type: 'reassign', unitId });
      forwarded(actor, 'reassigned');
      if (note) record('note', actor, { note });
      return publish();
    },
    { validator: ({ actor, unitId }) => (requireActor(actor, 'office', 'admin'), void check({ type: 'reassign', unitId })) },
  );

  setHandler(
    msg.resultUpdate,
    async ({ actor, outcome, paidAmount, plan, summary }) => {
      closeDeadlines('handling', 'met');
      stopLadder();
      apply({ type: 'report_result', outcome });
      view.result = { outcome, paidAmount, summary, reportedAt: iso(now()) };
      view.plan = (plan ?? []).map((p, i) => ({ ...p, n: i + 1, state: 'open' as const }));
      record('result_reported', actor, { outcome, paidAmount, summary, plan });
      // The handler tells the complainant and reports to the office (件件有着落、事事有回音).
      record('complainant_notified_of_result', SYSTEM, { outcome });
      record('reported_to_office', SYSTEM, { outcome });
      openDeadline('feedback', deadlineAfter(now(), policy.feedback, calendar));
      // A respondent that now pays or is found to owe nothing is not pursued further.
      if (outcome === 'respondent_refuses') startRespondentLadder();
      else timers.respondentLadderNextAt = null;
      if (outcome === 'paid_in_full') await tellSanctionsPaidInFull();
      return publish();
    },
    {
      validator: ({ actor, outcome, plan }) => {
        requireActor(actor, 'unit');
        check({ type: 'report_result', outcome });
        if (outcome === 'payment_plan' && (!plan || plan.length === 0)) throw refuse('A payment_plan result needs a plan.');
      },
    },
  );

  /** The complainant's answer to a result, or its silence when the window lapses. */
  function answerResult(actor: Actor, command: CaseCommand & { type: 'feedback' | 'feedback_window_elapsed' }, comment?: string): void {
    const satisfied = command.type === 'feedback_window_elapsed' || command.satisfied;
    closeDeadlines('feedback', command.type === 'feedback' ? 'met' : 'cancelled');
    const before = view.reopenCount;
    apply(command);
    record(command.type === 'feedback' ? 'feedback_given' : 'feedback_window_elapsed', actor, { satisfied, comment });
    if (view.reopenCount > before) {
      startHandling(SYSTEM, 'reopened', { reason: 'the complainant is not satisfied with the result' });
    } else if (view.status === 'monitoring_plan') {
      scheduleNextInstalment();
    } else if (view.status === 'closed') {
      record('closed', SYSTEM, { reason: satisfied && command.type === 'feedback' ? 'the complainant is satisfied' : 'no objection within the feedback window' });
    }
  }

  setHandler(
    msg.feedbackUpdate,
    async ({ actor, satisfied, comment }) => {
      answerResult(actor, { type: 'feedback', satisfied }, comment);
      return publish();
    },
    { validator: ({ actor, satisfied }) => (requireActor(actor, 'complainant'), void check({ type: 'feedback', satisfied })) },
  );

  function scheduleNextInstalment(): void {
    const next = view.plan.find((p) => p.state === 'open');
    if (!next) return;
    // The complainant is asked on the due date; the grace to confirm is the feedback window.
    const due = deadlineAfter(endOfBeijingDay(next.dueDate), policy.feedback, calendar);
    openDeadline('instalment', due);
    record('instalment_confirmation_requested', SYSTEM, { n: next.n, dueDate: next.dueDate, amount: next.amount });
  }

  function instalmentMissed(instalment: Instalment, actor: Actor, command: CaseCommand): void {
    instalment.state = 'missed';
    closeDeadlines('instalment', actor.role === 'system' ? 'cancelled' : 'met');
    apply(command);
    record('instalment_missed', actor, { n: instalment.n });
    startHandling(SYSTEM, 'reopened', { reason: `instalment ${instalment.n} was not paid` });
  }

  setHandler(
    msg.instalmentUpdate,
    async ({ actor, n, paid }) => {
      const instalment = view.plan.find((p) => p.n === n);
      if (!instalment) return publish();
      if (!paid) {
        instalmentMissed(instalment, actor, { type: 'confirm_instalment', paid: false });
        return publish();
      }
      apply({ type: 'confirm_instalment', paid: true });
      instalment.state = 'paid';
      closeDeadlines('instalment', 'met');
      record('instalment_paid', actor, { n });
      if (view.plan.every((p) => p.state === 'paid')) {
        apply({ type: 'plan_completed' });
        record('closed', SYSTEM, { reason: 'the payment plan was paid in full' });
        await tellSanctionsPaidInFull();
      } else {
        scheduleNextInstalment();
      }
      return publish();
    },
    {
      validator: ({ actor, n, paid }) => {
        requireActor(actor, 'complainant');
        check({ type: 'confirm_instalment', paid });
        const instalment = view.plan.find((p) => p.n === n);
        if (!instalment) throw refuse(`Instalment ${n} is not in the payment plan.`, 'NotFound');
        if (instalment.state !== 'open') throw refuse(`Instalment ${n} is already ${instalment.state}.`);
        const firstOpen = view.plan.find((p) => p.state === 'open');
        if (firstOpen && firstOpen.n !== n) throw refuse(`Instalment ${firstOpen.n} must be confirmed first.`);
      },
    },
  );

  setHandler(
    msg.withdrawUpdate,
    async ({ actor, reason }) => {
      apply({ type: 'withdraw' });
      closeAllDeadlines();
      record('withdrawn', actor, { reason });
      return publish();
    },
    { validator: ({ actor }) => (requireActor(actor, 'complainant'), void check({ type: 'withdraw' })) },
  );

  /** One step up the unit ladder: 催办通知 → 督办书 → 约谈 and 通报. */
  function escalate(actor: Actor, reason: string): void {
    apply({ type: 'escalate' });
    const step = ESCALATION_STEPS[view.escalationLevel];
    record('escalated', actor, { level: view.escalationLevel, step: step.name, stepZh: step.zh, unitId: view.unitId, reason, ...LADDER_RECIPIENTS[view.escalationLevel] });
  }

  setHandler(
    msg.escalateUpdate,
    async ({ actor, reason }) => {
      escalate(actor, reason);
      return publish();
    },
    { validator: ({ actor }) => (requireActor(actor, 'office', 'admin'), void check({ type: 'escalate' })) },
  );

  setHandler(
    msg.seriousUpdate,
    async ({ actor, reason }) => {
      apply({ type: 'find_serious' });
      record('found_serious', actor, { reason });
      const child = await startChild(sanctionsWorkflow, {
        workflowId: sanctionsWorkflowId,
        args: [
          {
            caseId: input.caseId,
            caseNumber: input.caseNumber,
            respondent: input.complaint.respondent,
            reason,
            publicityMin: policy.publicityMin,
            calendar: input.calendar,
          },
        ],
        // Sanctions and the later credit repair outlive the case.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      record('sanctions_started', SYSTEM, { workflowId: child.workflowId });
      if (respondentHasPaid()) await tellSanctionsPaidInFull();
      return publish();
    },
    { validator: ({ actor }) => (requireActor(actor, 'office', 'admin'), void check({ type: 'find_serious' })) },
  );

  setHandler(
    msg.closeUpdate,
    async ({ actor, note }) => {
      apply({ type: 'close' });
      closeAllDeadlines();
      record('closed', actor, { note });
      return publish();
    },
    { validator: ({ actor }) => (requireActor(actor, 'office', 'admin'), void check({ type: 'close' })) },
  );

  setHandler(
    msg.policyUpdate,
    async ({ actor, changes, reason }) => {
      // Deadlines already running keep their dates; every deadline opened from now on follows the new policy.
      policy = resolvePolicyOver(policy, changes);
      record('policy_changed', actor, { changes, reason });
      return publish();
    },
    {
      validator: ({ actor, changes }) => {
        requireActor(actor, 'office', 'admin');
        if (isTerminal(view.status)) throw refuse(`The case ${view.status === 'closed' ? 'is closed' : `was ${view.status}`}; its policy can no longer change.`);
        try {
          resolvePolicyOver(policy, changes);
        } catch (err) {
          throw refuse((err as Error).message, 'InvalidPolicy');
        }
      },
    },
  );

  setHandler(msg.caseViewQuery, () => {
    refreshDerived();
    return view;
  });

  // ---- the clock ---------------------------------------------------------------------------

  function stopLadder(): void {
    timers.ladderNextAt = null;
    timers.ladderDeadline = null;
  }

  function startRespondentLadder(): void {
    view.respondentEscalationLevel = 0;
    stepRespondentLadder();
  }

  /** The respondent will not cooperate: supervision order → summons → circular → order to rectify. */
  function stepRespondentLadder(): void {
    const step = RESPONDENT_LADDER[view.respondentEscalationLevel];
    if (!step) {
      timers.respondentLadderNextAt = null;
      return;
    }
    view.respondentEscalationLevel += 1;
    record(step, SYSTEM, { level: view.respondentEscalationLevel, respondent: input.complaint.respondent.name });
    timers.respondentLadderNextAt =
      view.respondentEscalationLevel < RESPONDENT_LADDER.length ? iso(deadlineAfter(now(), policy.escalationStep, calendar)) : null;
  }

  function dueMoments(): number[] {
    const moments = [
      ...Object.values(timers.reminders),
      ...view.deadlines.filter((d) => d.state === 'open').map((d) => d.dueAt),
      timers.ladderNextAt,
      timers.respondentLadderNextAt,
    ];
    return moments.filter((m): m is string => m !== null).map((m) => new Date(m).getTime());
  }

  const recipientOf = (name: CaseDeadline['name']) =>
    name === 'review' ? 'office' : name === 'feedback' || name === 'instalment' ? 'complainant' : 'unit';

  /** Fires everything whose time has come: reminders (催办), missed deadlines, ladder steps. */
  function fireDue(): void {
    const t = now().getTime();
    for (const [key, at] of Object.entries(timers.reminders)) {
      if (new Date(at).getTime() > t) continue;
      delete timers.reminders[key];
      const deadline = view.deadlines.find((d) => d.key === key);
      if (deadline?.state === 'open') record('reminder_sent', SYSTEM, { deadline: deadline.name, dueAt: deadline.dueAt, to: recipientOf(deadline.name) });
    }
    for (const deadline of view.deadlines) {
      if (deadline.state === 'open' && new Date(deadline.dueAt).getTime() <= t) missed(deadline);
    }
    if (timers.ladderNextAt && new Date(timers.ladderNextAt).getTime() <= t) stepLadder();
    if (timers.respondentLadderNextAt && new Date(timers.respondentLadderNextAt).getTime() <= t && !isTerminal(view.status)) {
      stepRespondentLadder();
    }
  }

  /** A missed deadline stays missed; the ladder climbs one level per escalation step until someone acts. */
  function stepLadder(): void {
    const deadlineKey = timers.ladderDeadline ?? '';
    if (deadlineKey.startsWith('review')) {
      record('escalated_to_office_head', SYSTEM, { deadline: 'review', to: 'office_head' });
      stopLadder();
      return;
    }
    if (decide(caseState(), { type: 'escalate' }).ok) escalate(SYSTEM, `the ${deadlineKey.split(':')[0]} deadline is still missed`);
    timers.ladderNextAt = view.escalationLevel < HIGHEST_ESCALATION_LEVEL ? iso(deadlineAfter(now(), policy.escalationStep, calendar)) : null;
    if (!timers.ladderNextAt) timers.ladderDeadline = null;
  }

  function missed(deadline: CaseDeadline): void {
    deadline.state = 'missed';
    delete timers.reminders[deadline.key];
    record('deadline_missed', SYSTEM, { deadline: deadline.name, dueAt: deadline.dueAt, to: recipientOf(deadline.name) });
    switch (deadline.name) {
      case 'review':
        // No decision in time: the office is reminded now, and its head is told one escalation step later.
        record('reminder_sent', SYSTEM, { deadline: 'review', to: 'office' });
        timers.ladderDeadline = deadline.key;
        timers.ladderNextAt = iso(deadlineAfter(now(), policy.escalationStep, calendar));
        break;
      case 'sign':
      case 'handling':
        timers.ladderDeadline = deadline.key;
        timers.ladderNextAt = iso(now());
        stepLadder();
        break;
      case 'feedback':
        answerResult(SYSTEM, { type: 'feedback_window_elapsed' });
        break;
      case 'instalment': {
        const open = view.plan.find((p) => p.state === 'open');
        if (open) instalmentMissed(open, SYSTEM, { type: 'instalment_missed' });
        break;
      }
    }
  }

  // ---- delivery ------------------------------------------------------------------------------

  /** Sends what the outbox holds for this case; failures come back later on the outbox's own schedule. */
  async function deliverDue(): Promise<void> {
    if (!notifies || !timers.deliveryDueAt || new Date(timers.deliveryDueAt).getTime() > now().getTime()) return;
    const seqBefore = view.seq;
    const r = await dispatchDeliveries({ caseId: input.caseId });
    // At least a second between rounds: the outbox keeps the database's time, and a clock that differs
    // from the workflow's (or a time-skipping test server) must not turn this into a busy loop.
    const soonest = now().getTime() + 1000;
    timers.deliveryDueAt = r.pending > 0 ? iso(new Date(Math.max(soonest, r.nextAttemptAt ? new Date(r.nextAttemptAt).getTime() : 0))) : null;
    // Something new was published while this dispatch ran: send it too.
    if (view.seq !== seqBefore) timers.deliveryDueAt = iso(now());
  }

  /** Before the case rests, everything it said is delivered or given up on. */
  async function deliverAll(): Promise<void> {
    while (notifies && timers.deliveryDueAt) {
      const wait = new Date(timers.deliveryDueAt).getTime() - now().getTime();
      if (wait > 0) await sleep(wait);
      await deliverDue();
    }
  }

  function respondentHasPaid(): boolean {
    return view.outcome === 'paid_in_full' || (view.plan.length > 0 && view.plan.every((p) => p.state === 'paid'));
  }

  /** Credit repair starts when a respondent under sanctions has paid in full. */
  async function tellSanctionsPaidInFull(): Promise<void> {
    if (!notifies || !view.seriousFound) return;
    await getExternalWorkflowHandle(sanctionsWorkflowId).signal(paidInFullSignal, { at: iso(now()) });
    record('credit_repair_requested', SYSTEM, { workflowId: sanctionsWorkflowId });
  }

  // ---- main loop ----------------------------------------------------------------------------

  if (!input.carried) {
    record('submitted', { role: input.complaint.channel === 'offline' ? 'office' : 'complainant', id: input.complaint.complainant.creditCode }, {
      caseNumber: input.caseNumber,
      channel: input.complaint.channel,
    });
    startReview(new Date(input.filedAt));
    await publish();
  }

  while (!isTerminal(view.status)) {
    await deliverDue();
    const moments = [...dueMoments(), ...(timers.deliveryDueAt ? [new Date(timers.deliveryDueAt).getTime()] : [])];
    const wakeAt = moments.length ? Math.min(...moments) : undefined;
    const waitMs = wakeAt === undefined ? undefined : Math.max(0, wakeAt - now().getTime());
    changed = false;
    // Something is already due: no timer, just go round.
    const woken = waitMs === 0 && notifies ? false : await condition(() => changed || isTerminal(view.status), waitMs);
    if (!woken) {
      fireDue();
      if (changed) await publish();
    }
    const info = workflowInfo();
    const longEnough = info.continueAsNewSuggested || (input.historyLimit !== undefined && info.historyLength >= input.historyLimit);
    if (longEnough && !isTerminal(view.status)) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof complaintCase>({ ...input, policy, carried: { view, timers } });
    }
  }

  await deliverAll();
  if (view.status === 'closed' && !view.seriousFound) {
    // The office may still find a closed case serious (the respondent refused to the end), for as long as
    // handling may last at most; after that the case is archived.
    const window = deadlineAfter(now(), policy.handlingMax, calendar).getTime() - now().getTime();
    await condition(() => view.seriousFound, window);
  }
  await condition(allHandlersFinished);
  await deliverAll();
  return view;
}
