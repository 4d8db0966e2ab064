/**
 * Who is told about which step of a case (件件有着落、事事有回音). Pure: the outbox turns each entry into
 * one delivery per channel the recipient has.
 */

export const RECIPIENT_KINDS = ['complainant', 'unit', 'unit_leadership', 'office', 'office_head', 'agency'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const TEMPLATE_KEYS = [
  'complaint_received',
  'new_complaint',
  'accepted',
  'rejected',
  'information_requested',
  'information_supplied',
  'case_assigned',
  'case_forwarded',
  'reminder',
  'deadline_missed',
  'escalation',
  'escalated_to_office_head',
  'extension_requested',
  'extension_approved',
  'extension_denied',
  'case_returned',
  'result',
  'result_report',
  'feedback_given',
  'case_reopened',
  'instalment_confirmation',
  'instalment_missed',
  'withdrawn',
  'closed',
  'found_serious',
  'respondent_measure',
  'sanction_order_impose',
  'sanction_order_lift',
  'dishonest_payer_listed',
  'dishonest_payer_delisted',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface PlannedNotice {
  recipient: RecipientKind;
  template: TemplateKey;
  /** The unit concerned, for the unit and its leadership. */
  unitId?: string;
}

export interface PlanEvent {
  type: string;
  data: Record<string, unknown>;
}

const UNIT_KINDS: readonly RecipientKind[] = ['unit', 'unit_leadership'];
const WHO_IS_LATE: Record<string, RecipientKind> = { office: 'office', unit: 'unit', complainant: 'complainant' };

/** 催办通知 → the unit and its leadership; 督办书 → also the office; 约谈、通报 → also the office head. */
function escalationRecipients(level: unknown): RecipientKind[] {
  if (level === 1) return ['unit', 'unit_leadership'];
  if (level === 2) return ['unit', 'unit_leadership', 'office'];
  if (level === 3) return ['unit', 'unit_leadership', 'office_head'];
  return [];
}

function recipientsOf(event: PlanEvent): [RecipientKind[], TemplateKey] | undefined {
  const to = typeof event.data.to === 'string' ? WHO_IS_LATE[event.data.to] : undefined;
  switch (event.type) {
    case 'submitted':
      return undefined;
    case 'accepted':
      return [['complainant'], 'accepted'];
    case 'rejected':
      return [['complainant'], 'rejected'];
    case 'information_requested':
      return [['complainant'], 'information_requested'];
    case 'information_supplied':
      return [['office'], 'information_supplied'];
    case 'reminder_sent':
      return to ? [[to], 'reminder'] : undefined;
    case 'deadline_missed':
      // The office's and the complainant's missed deadlines are followed at once by their own notice.
      return to === 'unit' ? [['unit'], 'deadline_missed'] : undefined;
    case 'escalated':
      return [escalationRecipients(event.data.level), 'escalation'];
    case 'escalated_to_office_head':
      return [['office_head'], 'escalated_to_office_head'];
    case 'extension_requested':
      return [['office'], 'extension_requested'];
    case 'extension_approved':
      return [['unit'], 'extension_approved'];
    case 'extension_denied':
      return [['unit'], 'extension_denied'];
    case 'returned_by_unit':
      return [['office'], 'case_returned'];
    case 'complainant_notified_of_result':
      return [['complainant'], 'result'];
    case 'reported_to_office':
      return [['office'], 'result_report'];
    case 'feedback_given':
      return [['office', 'unit'], 'feedback_given'];
    case 'reopened':
      return [['unit'], 'case_reopened'];
    case 'instalment_confirmation_requested':
      return [['complainant'], 'instalment_confirmation'];
    case 'instalment_missed':
      return [['office'], 'instalment_missed'];
    case 'withdrawn':
      return [['office', 'unit'], 'withdrawn'];
    case 'closed':
      return [['complainant', 'unit'], 'closed'];
    case 'found_serious':
      return [['complainant', 'unit'], 'found_serious'];
    case 'respondent_supervision_order':
    case 'respondent_summons':
    case 'respondent_circular':
    case 'rectification_order':
      return [['unit', 'office'], 'respondent_measure'];
    default:
      return undefined;
  }
}

/**
 * The notices one timeline event causes. `unitId` is the case's unit when the event was recorded; an
 * event that names a unit (forwarded, returned, escalated) speaks for itself. Unit recipients are left
 * out while the case has no unit.
 */
export function notificationPlan(event: PlanEvent, ctx: { unitId: string | null }): PlannedNotice[] {
  const unitId = typeof event.data.unitId === 'string' ? event.data.unitId : ctx.unitId;
  if (event.type === 'submitted') {
    return [
      { recipient: 'complainant', template: 'complaint_received' },
      { recipient: 'office', template: 'new_complaint' },
    ];
  }
  if (event.type === 'forwarded') {
    const notices: PlannedNotice[] = [{ recipient: 'complainant', template: 'case_forwarded' }];
    if (unitId) notices.unshift({ recipient: 'unit', template: 'case_assigned', unitId });
    return notices;
  }
  const planned = recipientsOf(event);
  if (!planned) return [];
  const [recipients, template] = planned;
  return recipients.flatMap((recipient): PlannedNotice[] => {
    if (!UNIT_KINDS.includes(recipient)) return [{ recipient, template }];
    return unitId ? [{ recipient, template, unitId }] : [];
  });
}
