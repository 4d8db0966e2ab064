import {
  CASE_STATUSES,
  COMMAND_TYPES,
  ENTERPRISE_SIZES,
  ESCALATION_STEPS,
  OUTCOMES,
  REJECTION_REASONS,
  RESPONDENT_TYPES,
  decide,
  isTerminal,
  type CaseCommand,
  type CaseCommandType,
  type CaseState,
  type CaseStatus,
  type Outcome,
} from '../../../domain/case-status';

const UNIT = 'unit-fangcheng-district';
const OTHER_UNIT = 'unit-dongxing-city';

const fresh: CaseState = {
  status: 'submitted',
  unitId: null,
  escalationLevel: 0,
  reopenCount: 0,
  seriousFound: false,
  pendingExtension: false,
  outcome: null,
  feedbackGiven: false,
};

/** A typical case in each status. */
const TYPICAL: Record<CaseStatus, CaseState> = {
  submitted: fresh,
  needs_information: { ...fresh, status: 'needs_information' },
  rejected: { ...fresh, status: 'rejected' },
  forwarded: { ...fresh, status: 'forwarded', unitId: UNIT },
  handling: { ...fresh, status: 'handling', unitId: UNIT },
  result_reported: { ...fresh, status: 'result_reported', unitId: UNIT, outcome: 'paid_in_full' },
  monitoring_plan: { ...fresh, status: 'monitoring_plan', unitId: UNIT, outcome: 'payment_plan', feedbackGiven: true },
  closed: { ...fresh, status: 'closed', unitId: UNIT, outcome: 'paid_in_full', feedbackGiven: true },
  withdrawn: { ...fresh, status: 'withdrawn' },
};

/** One representative of each command. */
const COMMANDS: Record<CaseCommandType, CaseCommand> = {
  accept: { type: 'accept', unitId: UNIT },
  reject: { type: 'reject', reason: 'not_sme' },
  request_information: { type: 'request_information' },
  supply_information: { type: 'supply_information' },
  sign: { type: 'sign' },
  request_extension: { type: 'request_extension' },
  decide_extension: { type: 'decide_extension', approve: true },
  return_case: { type: 'return_case' },
  reassign: { type: 'reassign', unitId: OTHER_UNIT },
  report_result: { type: 'report_result', outcome: 'paid_in_full' },
  feedback: { type: 'feedback', satisfied: true },
  confirm_instalment: { type: 'confirm_instalment', paid: true },
  withdraw: { type: 'withdraw' },
  escalate: { type: 'escalate' },
  find_serious: { type: 'find_serious' },
  close: { type: 'close' },
  feedback_window_elapsed: { type: 'feedback_window_elapsed' },
  instalment_missed: { type: 'instalment_missed' },
  plan_completed: { type: 'plan_completed' },
};

// What a clerk reads when a command does not fit.
const ACCEPT = 'Only a case waiting for review can be accepted';
const REJECT = 'Only a case waiting for review can be rejected';
const ASK = 'More information can only be requested while the case is under review';
const SUPPLY = 'Information can only be supplied after the office has asked for it';
const SIGN = 'Only a case forwarded to a unit can be signed for';
const EXTEND = 'An extension can only be requested while the unit is handling the case';
const RETURN = 'Only a case forwarded to a unit or being handled by one can be handed back';
const REASSIGN = 'Only a case forwarded to a unit or being handled by one can be reassigned';
const REPORT = 'A result can only be reported while the unit is handling the case';
const FEEDBACK = 'Feedback can only be given on a result the unit has reported';
const CONFIRM = 'Instalments can only be confirmed while a payment plan is being followed up';
const ESCALATE = 'Only a case forwarded to a unit or being handled by one can be escalated';
const SERIOUS = 'A case can only be found serious once it has been forwarded to a unit';
const CLOSE = 'The office can only close a case once it has been forwarded to a unit';
const WINDOW = 'The feedback window only runs while a reported result awaits feedback';
const MISSED = 'An instalment can only be missed while a payment plan is being followed up';
const COMPLETED = 'A payment plan can only be completed while it is being followed up';
const NO_REQUEST = 'There is no extension request waiting for a decision.';
const IS_CLOSED = 'The case is closed; no further action can be taken on it.';
const IS_REJECTED = 'The case was rejected; no further action can be taken on it.';
const IS_WITHDRAWN = 'The case was withdrawn; no further action can be taken on it.';

const AT_REVIEW = "waiting for the office's review";
const AT_INFO = 'waiting for the complainant to supply more information';
const AT_SIGN = 'waiting for the unit to sign for it';
const AT_HANDLING = 'being handled by the unit';
const AT_FEEDBACK = "waiting for the complainant's feedback on the result";
const AT_PLAN = 'following up a payment plan';

const no = (rule: string, where: string) => `${rule}; this case is ${where}.`;
const everything = (reason: string, except: Partial<Record<CaseCommandType, CaseStatus>> = {}) =>
  ({ ...Object.fromEntries(COMMAND_TYPES.map((type) => [type, reason])), ...except }) as Record<CaseCommandType, string>;

/** Each cell: the status after the command, or the exact refusal. */
const EXPECTED: Record<CaseStatus, Record<CaseCommandType, string>> = {
  submitted: {
    accept: 'forwarded',
    reject: 'rejected',
    request_information: 'needs_information',
    supply_information: no(SUPPLY, AT_REVIEW),
    sign: no(SIGN, AT_REVIEW),
    request_extension: no(EXTEND, AT_REVIEW),
    decide_extension: NO_REQUEST,
    return_case: no(RETURN, AT_REVIEW),
    reassign: no(REASSIGN, AT_REVIEW),
    report_result: no(REPORT, AT_REVIEW),
    feedback: no(FEEDBACK, AT_REVIEW),
    confirm_instalment: no(CONFIRM, AT_REVIEW),
    withdraw: 'withdrawn',
    escalate: no(ESCALATE, AT_REVIEW),
    find_serious: no(SERIOUS, AT_REVIEW),
    close: no(CLOSE, AT_REVIEW),
    feedback_window_elapsed: no(WINDOW, AT_REVIEW),
    instalment_missed: no(MISSED, AT_REVIEW),
    plan_completed: no(COMPLETED, AT_REVIEW),
  },
  needs_information: {
    accept: no(ACCEPT, AT_INFO),
    reject: no(REJECT, AT_INFO),
    request_information: no(ASK, AT_INFO),
    supply_information: 'submitted',
    sign: no(SIGN, AT_INFO),
    request_extension: no(EXTEND, AT_INFO),
    decide_extension: NO_REQUEST,
    return_case: no(RETURN, AT_INFO),
    reassign: no(REASSIGN, AT_INFO),
    report_result: no(REPORT, AT_INFO),
    feedback: no(FEEDBACK, AT_INFO),
    confirm_instalment: no(CONFIRM, AT_INFO),
    withdraw: 'withdrawn',
    escalate: no(ESCALATE, AT_INFO),
    find_serious: no(SERIOUS, AT_INFO),
    close: no(CLOSE, AT_INFO),
    feedback_window_elapsed: no(WINDOW, AT_INFO),
    instalment_missed: no(MISSED, AT_INFO),
    plan_completed: no(COMPLETED, AT_INFO),
  },
  rejected: everything(IS_REJECTED),
  forwarded: {
    accept: no(ACCEPT, AT_SIGN),
    reject: no(REJECT, AT_SIGN),
    request_information: no(ASK, AT_SIGN),
    supply_information: no(SUPPLY, AT_SIGN),
    sign: 'handling',
    request_extension: no(EXTEND, AT_SIGN),
    decide_extension: NO_REQUEST,
    return_case: 'forwarded',
    reassign: 'forwarded',
    report_result: no(REPORT, AT_SIGN),
    feedback: no(FEEDBACK, AT_SIGN),
    confirm_instalment: no(CONFIRM, AT_SIGN),
    withdraw: 'withdrawn',
    escalate: 'forwarded',
    find_serious: 'forwarded',
    close: 'closed',
    feedback_window_elapsed: no(WINDOW, AT_SIGN),
    instalment_missed: no(MISSED, AT_SIGN),
    plan_completed: no(COMPLETED, AT_SIGN),
  },
  handling: {
    accept: no(ACCEPT, AT_HANDLING),
    reject: no(REJECT, AT_HANDLING),
    request_information: no(ASK, AT_HANDLING),
    supply_information: no(SUPPLY, AT_HANDLING),
    sign: no(SIGN, AT_HANDLING),
    request_extension: 'handling',
    decide_extension: NO_REQUEST,
    return_case: 'forwarded',
    reassign: 'forwarded',
    report_result: 'result_reported',
    feedback: no(FEEDBACK, AT_HANDLING),
    confirm_instalment: no(CONFIRM, AT_HANDLING),
    withdraw: 'withdrawn',
    escalate: 'handling',
    find_serious: 'handling',
    close: 'closed',
    feedback_window_elapsed: no(WINDOW, AT_HANDLING),
    instalment_missed: no(MISSED, AT_HANDLING),
    plan_completed: no(COMPLETED, AT_HANDLING),
  },
  result_reported: {
    accept: no(ACCEPT, AT_FEEDBACK),
    reject: no(REJECT, AT_FEEDBACK),
    request_information: no(ASK, AT_FEEDBACK),
    supply_information: no(SUPPLY, AT_FEEDBACK),
    sign: no(SIGN, AT_FEEDBACK),
    request_extension: no(EXTEND, AT_FEEDBACK),
    decide_extension: NO_REQUEST,
    return_case: no(RETURN, AT_FEEDBACK),
    reassign: no(REASSIGN, AT_FEEDBACK),
    report_result: no(REPORT, AT_FEEDBACK),
    feedback: 'closed',
    confirm_instalment: no(CONFIRM, AT_FEEDBACK),
    withdraw: 'withdrawn',
    escalate: no(ESCALATE, AT_FEEDBACK),
    find_serious: 'result_reported',
    close: 'closed',
    feedback_window_elapsed: 'closed',
    instalment_missed: no(MISSED, AT_FEEDBACK),
    plan_completed: no(COMPLETED, AT_FEEDBACK),
  },
  monitoring_plan: {
    accept: no(ACCEPT, AT_PLAN),
    reject: no(REJECT, AT_PLAN),
    request_information: no(ASK, AT_PLAN),
    supply_information: no(SUPPLY, AT_PLAN),
    sign: no(SIGN, AT_PLAN),
    request_extension: no(EXTEND, AT_PLAN),
    decide_extension: NO_REQUEST,
    return_case: no(RETURN, AT_PLAN),
    reassign: no(REASSIGN, AT_PLAN),
    report_result: no(REPORT, AT_PLAN),
    feedback: no(FEEDBACK, AT_PLAN),
    confirm_instalment: 'monitoring_plan',
    withdraw: 'withdrawn',
    escalate: no(ESCALATE, AT_PLAN),
    find_serious: 'monitoring_plan',
    close: 'closed',
    feedback_window_elapsed: no(WINDOW, AT_PLAN),
    instalment_missed: 'handling',
    plan_completed: 'closed',
  },
  closed: everything(IS_CLOSED, { find_serious: 'closed' }),
  withdrawn: everything(IS_WITHDRAWN),
};

function outcomeOf(state: CaseState, command: CaseCommand): string {
  const decision = decide(state, command);
  return decision.ok ? decision.next : decision.reason;
}

describe('the vocabulary', () => {
  it('names the statuses, outcomes, rejection reasons, respondents and sizes once', () => {
    expect(CASE_STATUSES).toEqual(['submitted', 'needs_information', 'rejected', 'forwarded', 'handling', 'result_reported', 'monitoring_plan', 'closed', 'withdrawn']);
    expect(OUTCOMES).toEqual(['paid_in_full', 'payment_plan', 'no_arrears_found', 'referred_to_litigation', 'respondent_refuses']);
    expect(REJECTION_REASONS).toEqual(['not_sme', 'respondent_not_covered', 'no_contract', 'not_goods_works_services', 'other_proceedings', 'already_answered', 'incomplete']);
    expect(RESPONDENT_TYPES).toEqual(['government_organ', 'public_institution', 'large_enterprise']);
    expect(ENTERPRISE_SIZES).toEqual(['medium', 'small', 'micro']);
  });

  it('names the escalation ladder: 催办通知, 督办书, 约谈 and 通报', () => {
    expect(ESCALATION_STEPS[1]).toEqual({ name: "reminder notice copied to the unit's leadership", zh: '催办通知' });
    expect(ESCALATION_STEPS[2]).toEqual({ name: 'supervision order', zh: '督办书' });
    expect(ESCALATION_STEPS[3]).toEqual({ name: "summons of the unit's principal and a city-wide circular", zh: '约谈、通报' });
  });

  it('treats rejected, withdrawn and closed as the end of a case', () => {
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(['rejected', 'closed', 'withdrawn']);
  });
});

describe('the transition table: every status × every command', () => {
  it('the expected table covers every status and command the code knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CASE_STATUSES].sort());
    expect(Object.keys(COMMANDS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  const cells = CASE_STATUSES.flatMap((status) => COMMAND_TYPES.map((type) => [status, type, EXPECTED[status][type]] as const));
  it.each(cells)('%s + %s → %s', (status, type, expected) => {
    expect(outcomeOf(TYPICAL[status], COMMANDS[type])).toBe(expected);
  });
});

describe('the rules behind the table', () => {
  const after = (state: CaseState, ...commands: CaseCommand[]): CaseState =>
    commands.reduce((current, command) => {
      const decision = decide(current, command);
      if (!decision.ok) throw new Error(`${command.type} refused: ${decision.reason}`);
      return decision.state;
    }, state);
  const refusal = (state: CaseState, command: CaseCommand) => {
    const decision = decide(state, command);
    return decision.ok ? `allowed → ${decision.next}` : decision.reason;
  };

  describe('review and routing', () => {
    it('the office accepts and names the unit: the case is forwarded to it', () => {
      expect(after(fresh, { type: 'accept', unitId: UNIT })).toMatchObject({ status: 'forwarded', unitId: UNIT });
    });

    it('the office accepts without naming a unit: forwarded with no unit yet, for the workflow to route', () => {
      expect(after(fresh, { type: 'accept' })).toMatchObject({ status: 'forwarded', unitId: null });
      expect(after(fresh, { type: 'accept', unitId: '  ' })).toMatchObject({ status: 'forwarded', unitId: null });
    });

    it('the office asks for material, the complainant supplies it: back to review', () => {
      expect(after(fresh, { type: 'request_information' }, { type: 'supply_information' })).toEqual(fresh);
    });

    it('a unit cannot sign for a forwarded case that has no unit', () => {
      const unrouted = after(fresh, { type: 'accept' });
      expect(refusal(unrouted, { type: 'sign' })).toBe('The case has no handling unit; the office must assign one before it can be signed for.');
    });

    it('a case waiting for a unit says so when refused', () => {
      const unrouted = after(fresh, { type: 'accept' });
      expect(refusal(unrouted, { type: 'report_result', outcome: 'paid_in_full' })).toBe(
        'A result can only be reported while the unit is handling the case; this case is waiting for the office to assign a unit.',
      );
    });
  });

  describe('a misrouted case', () => {
    it('the unit hands it back: still forwarded, no unit, its ladder and pending extension dropped', () => {
      const escalated = { ...TYPICAL.handling, escalationLevel: 2 as const, pendingExtension: true };
      expect(after(escalated, { type: 'return_case' })).toEqual({ ...escalated, status: 'forwarded', unitId: null, escalationLevel: 0, pendingExtension: false });
    });

    it('nothing to hand back when no unit holds it', () => {
      const returned = after(TYPICAL.forwarded, { type: 'return_case' });
      expect(refusal(returned, { type: 'return_case' })).toBe('The case is not assigned to any unit, so there is nothing to hand back.');
    });

    it('the office reassigns it: forwarded to the new unit, which starts with a clean ladder', () => {
      const returned = after({ ...TYPICAL.handling, escalationLevel: 1 }, { type: 'return_case' });
      expect(after(returned, { type: 'reassign', unitId: OTHER_UNIT })).toMatchObject({ status: 'forwarded', unitId: OTHER_UNIT, escalationLevel: 0 });
    });

    it('the office may override the routing while the unit is handling', () => {
      expect(after(TYPICAL.handling, { type: 'reassign', unitId: OTHER_UNIT })).toMatchObject({ status: 'forwarded', unitId: OTHER_UNIT });
    });

    it('reassigning to the same unit, or to nobody, is refused', () => {
      expect(refusal(TYPICAL.handling, { type: 'reassign', unitId: UNIT })).toBe('The case is already assigned to that unit.');
      expect(refusal(TYPICAL.handling, { type: 'reassign', unitId: ' ' })).toBe('Name the unit the case should be assigned to.');
    });
  });

  describe('extensions', () => {
    it('one request at a time: a second waits until the office decides the first', () => {
      const pending = after(TYPICAL.handling, { type: 'request_extension' });
      expect(pending.pendingExtension).toBe(true);
      expect(refusal(pending, { type: 'request_extension' })).toBe("An extension request is already waiting for the office's decision.");
      for (const approve of [true, false]) {
        const decided = after(pending, { type: 'decide_extension', approve });
        expect(decided).toEqual(TYPICAL.handling);
        expect(refusal(decided, { type: 'decide_extension', approve })).toBe(NO_REQUEST);
      }
    });

    it('reporting the result drops a request still pending', () => {
      const pending = after(TYPICAL.handling, { type: 'request_extension' });
      expect(after(pending, { type: 'report_result', outcome: 'no_arrears_found' })).toMatchObject({ pendingExtension: false, outcome: 'no_arrears_found' });
    });
  });

  describe('the result and the complainant’s feedback', () => {
    const reported = (outcome: Outcome, reopenCount = 0) =>
      after({ ...TYPICAL.handling, reopenCount }, { type: 'report_result', outcome });

    it('satisfied with a payment plan: the plan is followed up', () => {
      expect(after(reported('payment_plan'), { type: 'feedback', satisfied: true })).toMatchObject({ status: 'monitoring_plan', feedbackGiven: true });
    });

    it('silence on a payment plan counts as no objection: the plan is followed up', () => {
      expect(after(reported('payment_plan'), { type: 'feedback_window_elapsed' })).toMatchObject({ status: 'monitoring_plan' });
    });

    it.each(['paid_in_full', 'no_arrears_found', 'referred_to_litigation', 'respondent_refuses'] as const)('satisfied with %s: closed', (outcome) => {
      expect(after(reported(outcome), { type: 'feedback', satisfied: true }).status).toBe('closed');
    });

    it('dissatisfied the first time: back to the same unit, reopened once', () => {
      expect(after(reported('paid_in_full'), { type: 'feedback', satisfied: false })).toEqual({
        ...TYPICAL.handling,
        reopenCount: 1,
        outcome: null,
        feedbackGiven: true,
      });
    });

    it('the new result after a reopening asks for feedback again', () => {
      const reopened = after(reported('paid_in_full'), { type: 'feedback', satisfied: false });
      const again = after(reopened, { type: 'report_result', outcome: 'paid_in_full' });
      expect(again).toMatchObject({ status: 'result_reported', feedbackGiven: false, reopenCount: 1 });
      expect(after(again, { type: 'feedback', satisfied: true }).status).toBe('closed');
    });

    it('dissatisfied again after a reopening: the result stays for the office to close', () => {
      const disputed = after(reported('paid_in_full', 1), { type: 'feedback', satisfied: false });
      expect(disputed).toMatchObject({ status: 'result_reported', reopenCount: 1, feedbackGiven: true });
      expect(refusal(disputed, { type: 'feedback', satisfied: true })).toBe(
        'The complainant has already given feedback on this result; the office decides whether to close the case.',
      );
      expect(refusal(disputed, { type: 'feedback_window_elapsed' })).toBe('The complainant has already given feedback on this result.');
      expect(refusal(disputed, { type: 'report_result', outcome: 'paid_in_full' })).toBe(
        'A result can only be reported while the unit is handling the case; this case is waiting for the office to decide whether to close it.',
      );
      expect(after(disputed, { type: 'close' }).status).toBe('closed');
    });
  });

  describe('following up a payment plan', () => {
    it('a paid instalment changes nothing', () => {
      expect(after(TYPICAL.monitoring_plan, { type: 'confirm_instalment', paid: true })).toEqual(TYPICAL.monitoring_plan);
    });

    it.each<CaseCommand>([{ type: 'confirm_instalment', paid: false }, { type: 'instalment_missed' }])('after %j the case is reopened for the unit', (command) => {
      expect(after(TYPICAL.monitoring_plan, command)).toEqual({ ...TYPICAL.monitoring_plan, status: 'handling', reopenCount: 1, outcome: null });
    });

    it('a missed instalment reopens even a case reopened before', () => {
      expect(after({ ...TYPICAL.monitoring_plan, reopenCount: 1 }, { type: 'instalment_missed' })).toMatchObject({ status: 'handling', reopenCount: 2 });
    });

    it('the last instalment paid closes the case', () => {
      expect(after(TYPICAL.monitoring_plan, { type: 'plan_completed' }).status).toBe('closed');
    });
  });

  describe('escalation', () => {
    it('climbs 催办通知 → 督办书 → 约谈/通报 and no further', () => {
      const levels = [1, 2, 3].map((n) => after(TYPICAL.handling, ...Array<CaseCommand>(n).fill({ type: 'escalate' })).escalationLevel);
      expect(levels).toEqual([1, 2, 3]);
      const top = { ...TYPICAL.handling, escalationLevel: 3 as const };
      expect(refusal(top, { type: 'escalate' })).toBe('The case is already at the highest escalation level (约谈 summons and 通报 circular).');
    });

    it('needs a unit to escalate against', () => {
      expect(refusal({ ...TYPICAL.forwarded, unitId: null }, { type: 'escalate' })).toBe('The case has no handling unit to escalate; the office must assign one first.');
    });

    it('reopening keeps the level the unit has reached', () => {
      expect(after({ ...TYPICAL.monitoring_plan, escalationLevel: 2 }, { type: 'instalment_missed' }).escalationLevel).toBe(2);
    });
  });

  describe('serious cases', () => {
    it('are found once, without changing the status, even after closing', () => {
      const found = after(TYPICAL.closed, { type: 'find_serious' });
      expect(found).toEqual({ ...TYPICAL.closed, seriousFound: true });
      expect(refusal(found, { type: 'find_serious' })).toBe('The case has already been found serious.');
      expect(refusal(found, { type: 'escalate' })).toBe(IS_CLOSED);
    });
  });

  it('withdrawing drops a pending extension request', () => {
    expect(after({ ...TYPICAL.handling, pendingExtension: true }, { type: 'withdraw' })).toMatchObject({ status: 'withdrawn', pendingExtension: false });
  });

  it('the office closing a case drops a pending extension request', () => {
    expect(after({ ...TYPICAL.handling, pendingExtension: true }, { type: 'close' })).toMatchObject({ status: 'closed', pendingExtension: false });
  });

  it('never changes the state it is given', () => {
    const state = { ...TYPICAL.handling };
    const snapshot = structuredClone(state);
    for (const command of Object.values(COMMANDS)) decide(state, command);
    expect(state).toEqual(snapshot);
  });
});
