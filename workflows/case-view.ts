import type { CaseDeadline, TimelineEvent } from '../domain/case-record';
import type { CaseStatus, EscalationLevel, Outcome } from '../domain/case-status';
import type { PlanInstalment } from './messages';

export interface Instalment extends PlanInstalment {
  n: number;
  state: 'open' | 'paid' | 'missed';
}

/** What the workflow's query returns and what the read model stores as the case's detail. */
export interface CaseView {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  unitId: string | null;
  /** Units the case has been assigned to, now or before (they keep read access). */
  unitHistory: string[];
  escalationLevel: EscalationLevel;
  respondentEscalationLevel: number;
  reopenCount: number;
  /** The complainant (or the lapse of the feedback window) has answered the current result. */
  feedbackGiven: boolean;
  seriousFound: boolean;
  pendingExtension: { days: number; reason: string } | null;
  handlingExtendedDays: number;
  /** When the unit signed (or the case was reopened): the extension limit counts from here. */
  handlingStartedAt: string | null;
  outcome: Outcome | null;
  result: { outcome: Outcome; paidAmount?: string; summary: string; reportedAt: string } | null;
  plan: Instalment[];
  deadlines: CaseDeadline[];
  nextDeadlineAt: string | null;
  timeline: TimelineEvent[];
  /** Highest timeline seq: the projection applies a view only when it is newer than what is stored. */
  seq: number;
}

/** A case as it stands when filed, before anything has happened to it. */
export function newCaseView(caseId: string, caseNumber: string): CaseView {
  return {
    caseId,
    caseNumber,
    status: 'submitted',
    unitId: null,
    unitHistory: [],
    escalationLevel: 0,
    respondentEscalationLevel: 0,
    feedbackGiven: false,
    reopenCount: 0,
    seriousFound: false,
    pendingExtension: null,
    handlingExtendedDays: 0,
    handlingStartedAt: null,
    outcome: null,
    result: null,
    plan: [],
    deadlines: [],
    nextDeadlineAt: null,
    timeline: [],
    seq: 0,
  };
}
