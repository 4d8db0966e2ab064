/**
 * The vocabulary of a case and its one transition table. Every status check in the service goes
 * through `decide`, so the rules below are the only place that says what may happen when.
 */

export const CASE_STATUSES = [
  'submitted',
  'needs_information',
  'rejected',
  'forwarded',
  'handling',
  'result_reported',
  'monitoring_plan',
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TERMINAL_STATUSES = ['rejected', 'withdrawn', 'closed'] as const satisfies readonly CaseStatus[];

export function isTerminal(status: CaseStatus): boolean {
  return (TERMINAL_STATUSES as readonly CaseStatus[]).includes(status);
}

export const OUTCOMES = ['paid_in_full', 'payment_plan', 'no_arrears_found', 'referred_to_litigation', 'respondent_refuses'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The grounds on which the office may refuse a complaint (MIIT Interim Measures). */
export const REJECTION_REASONS = [
  'not_sme',
  'respondent_not_covered',
  'no_contract',
  'not_goods_works_services',
  'other_proceedings',
  'already_answered',
  'incomplete',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const REJECTION_REASON_TEXT: Record<RejectionReason, string> = {
  not_sme: 'The complainant is not a medium, small or micro enterprise.',
  respondent_not_covered: 'The respondent is not a government organ, public institution or large enterprise.',
  no_contract: 'There is no contract between the complainant and the respondent.',
  not_goods_works_services: 'The debt did not arise from buying goods, works or services.',
  other_proceedings: 'A court, arbitration body, other administrative department or mediator already handles the dispute.',
  already_answered: 'The complaint was already answered and brings no new facts.',
  incomplete: 'The material is incomplete.',
};

/** The ladder a unit climbs while it leaves a deadline unmet. */
export const ESCALATION_LEVELS = [0, 1, 2, 3] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const HIGHEST_ESCALATION_LEVEL = 3 satisfies EscalationLevel;

export const ESCALATION_STEPS: Record<EscalationLevel, { name: string; zh: string }> = {
  0: { name: 'none', zh: '' },
  1: { name: "reminder notice copied to the unit's leadership", zh: '催办通知' },
  2: { name: 'supervision order', zh: '督办书' },
  3: { name: "summons of the unit's principal and a city-wide circular", zh: '约谈、通报' },
};

export const RESPONDENT_TYPES = ['government_organ', 'public_institution', 'large_enterprise'] as const;
export type RespondentType = (typeof RESPONDENT_TYPES)[number];

export const ENTERPRISE_SIZES = ['medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** What the transition table needs to know about a case besides its status. */
export interface CaseState {
  status: CaseStatus;
  /** The handling unit; null before routing and after a unit hands the case back. */
  unitId: string | null;
  escalationLevel: EscalationLevel;
  /** How often the case went back to handling after a result (dissatisfaction, a missed instalment). */
  reopenCount: number;
  seriousFound: boolean;
  /** An extension request awaits the office's decision. */
  pendingExtension: boolean;
  /** The outcome of the result currently reported; null while there is none. */
  outcome: Outcome | null;
  /** The complainant (or the lapse of the feedback window) has answered the current result. */
  feedbackGiven: boolean;
}

export type CaseCommand =
  | { type: 'accept'; unitId?: string }
  | { type: 'reject'; reason: RejectionReason }
  | { type: 'request_information' }
  | { type: 'supply_information' }
  | { type: 'sign' }
  | { type: 'request_extension' }
  | { type: 'decide_extension'; approve: boolean }
  | { type: 'return_case' }
  | { type: 'reassign'; unitId: string }
  | { type: 'report_result'; outcome: Outcome }
  | { type: 'feedback'; satisfied: boolean }
  | { type: 'confirm_instalment'; paid: boolean }
  | { type: 'withdraw' }
  | { type: 'escalate' }
  | { type: 'find_serious' }
  | { type: 'close' }
  | { type: 'feedback_window_elapsed' }
  | { type: 'instalment_missed' }
  | { type: 'plan_completed' };
export type CaseCommandType = CaseCommand['type'];

export const COMMAND_TYPES = [
  'accept',
  'reject',
  'request_information',
  'supply_information',
  'sign',
  'request_extension',
  'decide_extension',
  'return_case',
  'reassign',
  'report_result',
  'feedback',
  'confirm_instalment',
  'withdraw',
  'escalate',
  'find_serious',
  'close',
  'feedback_window_elapsed',
  'instalment_missed',
  'plan_completed',
] as const satisfies readonly CaseCommandType[];

/** `state` is the whole case state after the command; `next` is its status. */
export type Decision = { ok: true; next: CaseStatus; state: CaseState } | { ok: false; reason: string };

const WITH_A_UNIT: readonly CaseStatus[] = ['forwarded', 'handling'];
const SERIOUS_FINDABLE: readonly CaseStatus[] = ['forwarded', 'handling', 'result_reported', 'monitoring_plan', 'closed'];
const CLOSABLE: readonly CaseStatus[] = ['forwarded', 'handling', 'result_reported', 'monitoring_plan'];

/** Why a command does not fit the status, completed by "; this case is …". */
const NEEDS: Record<Exclude<CaseCommandType, 'withdraw' | 'decide_extension'>, string> = {
  accept: 'Only a case waiting for review can be accepted',
  reject: 'Only a case waiting for review can be rejected',
  request_information: 'More information can only be requested while the case is under review',
  supply_information: 'Information can only be supplied after the office has asked for it',
  sign: 'Only a case forwarded to a unit can be signed for',
  request_extension: 'An extension can only be requested while the unit is handling the case',
  return_case: 'Only a case forwarded to a unit or being handled by one can be handed back',
  reassign: 'Only a case forwarded to a unit or being handled by one can be reassigned',
  report_result: 'A result can only be reported while the unit is handling the case',
  feedback: 'Feedback can only be given on a result the unit has reported',
  feedback_window_elapsed: 'The feedback window only runs while a reported result awaits feedback',
  confirm_instalment: 'Instalments can only be confirmed while a payment plan is being followed up',
  instalment_missed: 'An instalment can only be missed while a payment plan is being followed up',
  plan_completed: 'A payment plan can only be completed while it is being followed up',
  escalate: 'Only a case forwarded to a unit or being handled by one can be escalated',
  find_serious: 'A case can only be found serious once it has been forwarded to a unit',
  close: 'The office can only close a case once it has been forwarded to a unit',
};

export function decide(state: CaseState, command: CaseCommand): Decision {
  const { status } = state;
  if (status === 'rejected' || status === 'withdrawn' || (status === 'closed' && command.type !== 'find_serious')) {
    return refuse(`The case ${status === 'closed' ? 'is closed' : `was ${status}`}; no further action can be taken on it.`);
  }
  const wrongStatus = (type: keyof typeof NEEDS) => refuse(`${NEEDS[type]}; this case is ${describe(state)}.`);
  const go = (changes: Partial<CaseState>) => transition(state, changes);

  switch (command.type) {
    case 'accept':
      if (status !== 'submitted') return wrongStatus('accept');
      // Without a unit named by the office, the workflow routes the case right after acceptance.
      return go({ status: 'forwarded', unitId: command.unitId?.trim() || null });
    case 'reject':
      if (status !== 'submitted') return wrongStatus('reject');
      return go({ status: 'rejected' });
    case 'request_information':
      if (status !== 'submitted') return wrongStatus('request_information');
      return go({ status: 'needs_information' });
    case 'supply_information':
      if (status !== 'needs_information') return wrongStatus('supply_information');
      return go({ status: 'submitted' });
    case 'sign':
      if (status !== 'forwarded') return wrongStatus('sign');
      if (state.unitId === null) return refuse('The case has no handling unit; the office must assign one before it can be signed for.');
      return go({ status: 'handling' });
    case 'request_extension':
      if (status !== 'handling') return wrongStatus('request_extension');
      if (state.pendingExtension) return refuse("An extension request is already waiting for the office's decision.");
      return go({ pendingExtension: true });
    case 'decide_extension':
      if (!state.pendingExtension || status !== 'handling') return refuse('There is no extension request waiting for a decision.');
      return go({ pendingExtension: false });
    case 'return_case':
      if (!WITH_A_UNIT.includes(status)) return wrongStatus('return_case');
      if (state.unitId === null) return refuse('The case is not assigned to any unit, so there is nothing to hand back.');
      // A new unit starts with a clean ladder: the one that escalated was not it.
      return go({ status: 'forwarded', unitId: null, pendingExtension: false, escalationLevel: 0 });
    case 'reassign':
      if (!WITH_A_UNIT.includes(status)) return wrongStatus('reassign');
      if (!command.unitId.trim()) return refuse('Name the unit the case should be assigned to.');
      if (command.unitId === state.unitId) return refuse('The case is already assigned to that unit.');
      return go({ status: 'forwarded', unitId: command.unitId, pendingExtension: false, escalationLevel: 0 });
    case 'report_result':
      if (status !== 'handling') return wrongStatus('report_result');
      return go({ status: 'result_reported', outcome: command.outcome, pendingExtension: false, feedbackGiven: false });
    case 'feedback':
      if (status !== 'result_reported') return wrongStatus('feedback');
      if (state.feedbackGiven) return refuse('The complainant has already given feedback on this result; the office decides whether to close the case.');
      return command.satisfied ? settle(state) : objectTo(state);
    case 'feedback_window_elapsed':
      if (status !== 'result_reported') return wrongStatus('feedback_window_elapsed');
      if (state.feedbackGiven) return refuse('The complainant has already given feedback on this result.');
      // Silence counts as no objection.
      return settle(state);
    case 'confirm_instalment':
      if (status !== 'monitoring_plan') return wrongStatus('confirm_instalment');
      return command.paid ? go({}) : reopen(state);
    case 'instalment_missed':
      if (status !== 'monitoring_plan') return wrongStatus('instalment_missed');
      return reopen(state);
    case 'plan_completed':
      if (status !== 'monitoring_plan') return wrongStatus('plan_completed');
      return go({ status: 'closed' });
    case 'withdraw':
      return go({ status: 'withdrawn', pendingExtension: false });
    case 'escalate':
      if (!WITH_A_UNIT.includes(status)) return wrongStatus('escalate');
      if (state.unitId === null) return refuse('The case has no handling unit to escalate; the office must assign one first.');
      if (state.escalationLevel >= HIGHEST_ESCALATION_LEVEL) {
        return refuse('The case is already at the highest escalation level (约谈 summons and 通报 circular).');
      }
      return go({ escalationLevel: (state.escalationLevel + 1) as EscalationLevel });
    case 'find_serious':
      if (!SERIOUS_FINDABLE.includes(status)) return wrongStatus('find_serious');
      if (state.seriousFound) return refuse('The case has already been found serious.');
      return go({ seriousFound: true });
    case 'close':
      if (!CLOSABLE.includes(status)) return wrongStatus('close');
      return go({ status: 'closed', pendingExtension: false });
  }
}

/** Satisfied, or no objection in time: done, unless a payment plan still has to be watched. */
function settle(state: CaseState): Decision {
  return transition(state, { status: state.outcome === 'payment_plan' ? 'monitoring_plan' : 'closed', feedbackGiven: true });
}

/** Dissatisfied: the case goes back to the unit once; after that the office decides. */
function objectTo(state: CaseState): Decision {
  if (state.reopenCount > 0) return transition(state, { feedbackGiven: true });
  return transition(state, { ...reopened(state), feedbackGiven: true });
}

function reopen(state: CaseState): Decision {
  return transition(state, reopened(state));
}

function reopened(state: CaseState): Partial<CaseState> {
  return { status: 'handling', reopenCount: state.reopenCount + 1, outcome: null };
}

function transition(state: CaseState, changes: Partial<CaseState>): Decision {
  const next = { ...state, ...changes };
  return { ok: true, next: next.status, state: next };
}

function refuse(reason: string): Decision {
  return { ok: false, reason };
}

/** Where the case stands, as a clerk would say it. */
function describe(state: CaseState): string {
  switch (state.status) {
    case 'submitted':
      return "waiting for the office's review";
    case 'needs_information':
      return 'waiting for the complainant to supply more information';
    case 'forwarded':
      return state.unitId === null ? 'waiting for the office to assign a unit' : 'waiting for the unit to sign for it';
    case 'handling':
      return 'being handled by the unit';
    case 'result_reported':
      return state.feedbackGiven ? 'waiting for the office to decide whether to close it' : "waiting for the complainant's feedback on the result";
    case 'monitoring_plan':
      return 'following up a payment plan';
    case 'rejected':
    case 'withdrawn':
    case 'closed':
      return state.status;
  }
}
