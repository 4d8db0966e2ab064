import { notificationPlan, type PlannedNotice } from '../../../domain/notification-plan';

const plan = (type: string, data: Record<string, unknown> = {}, unitId: string | null = 'gov-450621') => notificationPlan({ type, data }, { unitId });
const who = (notices: PlannedNotice[]) => notices.map((n) => n.recipient);

describe('who is told about each step of a case', () => {
  it('a filed complaint: the complainant gets a receipt, the office a complaint to review', () => {
    expect(plan('submitted', {}, null)).toEqual([
      { recipient: 'complainant', template: 'complaint_received' },
      { recipient: 'office', template: 'new_complaint' },
    ]);
  });

  it('the office decides: the complainant hears acceptance, rejection (with the reason) or the request for material', () => {
    expect(plan('accepted', {}, null)).toEqual([{ recipient: 'complainant', template: 'accepted' }]);
    expect(plan('rejected', { reason: 'no_contract' }, null)).toEqual([{ recipient: 'complainant', template: 'rejected' }]);
    expect(plan('information_requested', {}, null)).toEqual([{ recipient: 'complainant', template: 'information_requested' }]);
    expect(plan('information_supplied', {}, null)).toEqual([{ recipient: 'office', template: 'information_supplied' }]);
  });

  it('forwarding: the unit named by the event gets the case, the complainant hears where it went', () => {
    expect(plan('forwarded', { unitId: 'dept-housing' }, null)).toEqual([
      { recipient: 'unit', template: 'case_assigned', unitId: 'dept-housing' },
      { recipient: 'complainant', template: 'case_forwarded' },
    ]);
  });

  it('a reminder (催办) goes to whoever the deadline is waiting for', () => {
    expect(plan('reminder_sent', { deadline: 'sign', to: 'unit' })).toEqual([{ recipient: 'unit', template: 'reminder', unitId: 'gov-450621' }]);
    expect(plan('reminder_sent', { deadline: 'review', to: 'office' })).toEqual([{ recipient: 'office', template: 'reminder' }]);
    expect(plan('reminder_sent', { deadline: 'feedback', to: 'complainant' })).toEqual([{ recipient: 'complainant', template: 'reminder' }]);
  });

  it('a unit misses its deadline: the unit is told; the office and complainant deadlines have their own follow-up notices', () => {
    expect(who(plan('deadline_missed', { deadline: 'handling', to: 'unit' }))).toEqual(['unit']);
    expect(plan('deadline_missed', { deadline: 'review', to: 'office' })).toEqual([]);
    expect(plan('deadline_missed', { deadline: 'feedback', to: 'complainant' })).toEqual([]);
  });

  it('the ladder: 催办通知 to the unit and its leadership, 督办书 also to the office, 约谈/通报 also to the office head', () => {
    expect(who(plan('escalated', { level: 1, unitId: 'gov-450621' }))).toEqual(['unit', 'unit_leadership']);
    expect(who(plan('escalated', { level: 2, unitId: 'gov-450621' }))).toEqual(['unit', 'unit_leadership', 'office']);
    expect(who(plan('escalated', { level: 3, unitId: 'gov-450621' }))).toEqual(['unit', 'unit_leadership', 'office_head']);
    expect(plan('escalated', { level: 1, unitId: 'dept-sasac' }, 'gov-450621').map((n) => n.unitId)).toEqual(['dept-sasac', 'dept-sasac']);
    expect(plan('escalated_to_office_head', { deadline: 'review' }, null)).toEqual([{ recipient: 'office_head', template: 'escalated_to_office_head' }]);
  });

  it('the result: the complainant gets it (with the feedback request), the office gets the report', () => {
    expect(plan('result_reported', { outcome: 'paid_in_full' })).toEqual([]);
    expect(plan('complainant_notified_of_result', { outcome: 'paid_in_full' })).toEqual([{ recipient: 'complainant', template: 'result' }]);
    expect(plan('reported_to_office', { outcome: 'paid_in_full' })).toEqual([{ recipient: 'office', template: 'result_report' }]);
    expect(who(plan('feedback_given', { satisfied: false }))).toEqual(['office', 'unit']);
  });

  it('extensions, hand-backs, reopening and instalments reach the side that must act', () => {
    expect(who(plan('extension_requested', { days: 10 }))).toEqual(['office']);
    expect(who(plan('extension_approved', { days: 10 }))).toEqual(['unit']);
    expect(who(plan('extension_denied'))).toEqual(['unit']);
    expect(who(plan('returned_by_unit', { unitId: 'gov-450621', reason: 'misrouted' }, null))).toEqual(['office']);
    expect(who(plan('reopened'))).toEqual(['unit']);
    expect(who(plan('instalment_confirmation_requested', { n: 1 }))).toEqual(['complainant']);
    expect(who(plan('instalment_missed', { n: 1 }))).toEqual(['office']);
  });

  it('withdrawal, closing, a serious finding and the respondent ladder', () => {
    expect(who(plan('withdrawn'))).toEqual(['office', 'unit']);
    expect(who(plan('closed'))).toEqual(['complainant', 'unit']);
    expect(who(plan('found_serious'))).toEqual(['complainant', 'unit']);
    for (const step of ['respondent_supervision_order', 'respondent_summons', 'respondent_circular', 'rectification_order']) {
      expect(plan(step, { level: 1 })).toEqual([
        { recipient: 'unit', template: 'respondent_measure', unitId: 'gov-450621' },
        { recipient: 'office', template: 'respondent_measure' },
      ]);
    }
  });

  it('unit recipients are left out while the case has no unit', () => {
    expect(who(plan('withdrawn', {}, null))).toEqual(['office']);
    expect(who(plan('closed', {}, null))).toEqual(['complainant']);
  });

  it('bookkeeping events tell nobody', () => {
    for (const type of ['signed', 'note', 'sanctions_started', 'feedback_window_elapsed', 'instalment_paid', 'result_reported', 'something_new']) {
      expect(plan(type)).toEqual([]);
    }
  });
});
