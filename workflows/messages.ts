import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/case-record';
import type { Outcome, RejectionReason } from '../domain/case-status';
import type { CaseView } from './case-view';

/**
 * Every decision on a case is an update with a validator: an impossible command is refused before
 * anything is written to history. Defined once here, imported by the workflow and by the API.
 */
interface By {
  actor: Actor;
}

export interface ReviewArgs extends By {
  decision: 'accept' | 'reject' | 'request_information';
  reason?: RejectionReason;
  unitId?: string;
  note?: string;
}
export interface SupplementArgs extends By {
  text: string;
}
export interface ExtensionRequestArgs extends By {
  days: number;
  reason: string;
}
export interface ExtensionDecisionArgs extends By {
  approve: boolean;
  days?: number;
}
export interface ReasonArgs extends By {
  reason: string;
}
export interface ReassignArgs extends By {
  unitId: string;
  note?: string;
}
export interface PlanInstalment {
  dueDate: string;
  amount: string;
}
export interface ResultArgs extends By {
  outcome: Outcome;
  paidAmount?: string;
  plan?: PlanInstalment[];
  summary: string;
}
export interface FeedbackArgs extends By {
  satisfied: boolean;
  comment?: string;
}
export interface InstalmentArgs extends By {
  n: number;
  paid: boolean;
}
export interface PolicyArgs extends By {
  /** Entries of the policy file (ISO-8601 durations or { workingDays }), laid over the case's current policy. */
  changes: Record<string, unknown>;
  reason: string;
}
export interface NoteArgs extends By {
  note?: string;
}

export const reviewUpdate = defineUpdate<CaseView, [ReviewArgs]>('review');
export const supplementUpdate = defineUpdate<CaseView, [SupplementArgs]>('supplement');
export const signUpdate = defineUpdate<CaseView, [By]>('sign');
export const extensionRequestUpdate = defineUpdate<CaseView, [ExtensionRequestArgs]>('requestExtension');
export const extensionDecisionUpdate = defineUpdate<CaseView, [ExtensionDecisionArgs]>('decideExtension');
export const returnUpdate = defineUpdate<CaseView, [ReasonArgs]>('returnCase');
export const reassignUpdate = defineUpdate<CaseView, [ReassignArgs]>('reassign');
export const resultUpdate = defineUpdate<CaseView, [ResultArgs]>('reportResult');
export const feedbackUpdate = defineUpdate<CaseView, [FeedbackArgs]>('feedback');
export const instalmentUpdate = defineUpdate<CaseView, [InstalmentArgs]>('confirmInstalment');
export const withdrawUpdate = defineUpdate<CaseView, [ReasonArgs]>('withdraw');
export const escalateUpdate = defineUpdate<CaseView, [ReasonArgs]>('escalate');
export const seriousUpdate = defineUpdate<CaseView, [ReasonArgs]>('findSerious');
export const closeUpdate = defineUpdate<CaseView, [NoteArgs]>('close');

export const policyUpdate = defineUpdate<CaseView, [PolicyArgs]>('changePolicy');

export const caseViewQuery = defineQuery<CaseView>('caseView');
