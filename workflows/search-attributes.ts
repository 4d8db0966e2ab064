import { defineSearchAttributeKey } from '@temporalio/common';

/** Search attributes every case keeps current, so operators can list cases in the Temporal UI. */
export const CaseStatusKey = defineSearchAttributeKey('CaseStatus', 'KEYWORD');
export const UnitIdKey = defineSearchAttributeKey('UnitId', 'KEYWORD');
export const EscalationLevelKey = defineSearchAttributeKey('EscalationLevel', 'INT');
export const NextDeadlineKey = defineSearchAttributeKey('NextDeadline', 'DATETIME');

export const caseSearchAttributes = [CaseStatusKey, UnitIdKey, EscalationLevelKey, NextDeadlineKey] as const;
