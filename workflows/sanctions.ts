import { log } from '@temporalio/workflow';
import type { Complaint } from '../domain/complaint';

export interface SanctionsInput {
  caseId: string;
  caseNumber: string;
  respondent: Complaint['respondent'];
  reason: string;
}

/**
 * Started when the office finds a case serious. It outlives the case (parent-close policy ABANDON):
 * orders to agencies and the later credit repair belong to it.
 */
export async function sanctionsWorkflow(input: SanctionsInput): Promise<{ caseId: string }> {
  log.info('sanctions started', { caseId: input.caseId, respondentType: input.respondent.type });
  return { caseId: input.caseId };
}
