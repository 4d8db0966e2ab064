/** What the API returns, as the pages read it (see /openapi.json for the full contract). */
import type { CaseStatus, Outcome } from '@domain/case-status';
import type { Complaint } from '@domain/complaint';

export type Role = 'complainant' | 'unit' | 'office' | 'admin';

export interface Me {
  keyId: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  creditCode: string | null;
}

export type RegionCode = Complaint['respondent']['regionCode'];

export type UnitKind = 'county_government' | 'city_department' | 'office';

/** Where a unit or an agency receives its notices; only the fields given are present. */
export interface Contacts {
  email?: string;
  webhookUrl?: string;
  leadershipEmail?: string;
  phone?: string;
}

export interface UnitJson {
  id: string;
  name: string;
  kind: UnitKind;
  regionCode: RegionCode | null;
  parentId: string | null;
  contacts: Contacts;
}

export interface CaseDeadlineJson {
  key: string;
  name: 'review' | 'sign' | 'handling' | 'feedback' | 'instalment';
  /** When the clock started; absent on deadlines opened before the service recorded it. */
  openedAt?: string;
  dueAt: string;
  state: 'open' | 'met' | 'missed' | 'cancelled';
  metAt?: string;
  extended?: boolean;
  /** Working days from today (Beijing) to the due date; negative once it has passed. Open deadlines only. */
  workingDaysLeft?: number;
}

export interface TimelineEntry {
  seq: number;
  what: string;
  who: { role: string; id: string };
  when: string;
  data: Record<string, unknown>;
}

export interface InstalmentJson {
  n: number;
  dueDate: string;
  amount: string;
  state: 'open' | 'paid' | 'missed';
}

export interface CaseJson {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  escalationLevel: number;
  unitId: string | null;
  /** The handling unit's name (the API sends it with every case). */
  unitName?: string | null;
  channel: string;
  complainant: Complaint['complainant'];
  respondent: Complaint['respondent'];
  contract: Complaint['contract'];
  description: string;
  evidence: Complaint['evidence'];
  outcome: Outcome | null;
  result: { outcome: Outcome; paidAmount?: string; summary: string; reportedAt: string } | null;
  plan: InstalmentJson[];
  pendingExtension: { days: number; reason: string } | null;
  deadlines: CaseDeadlineJson[];
  nextDeadlineAt: string | null;
  timeline: TimelineEntry[];
  notifications: {
    id: string;
    event: string;
    recipient: string;
    channel: string;
    address: string | null;
    status: 'pending' | 'sending' | 'sent' | 'failed';
    attempts: number;
    lastError: string | null;
    sentAt: string | null;
  }[];
  interestOwed: { principal: string; dueDate: string; asOf: string; overdueDays: number; basis: string; rate: string; interest: string } | null;
  seriousFound: boolean;
  sanctions: { orderId: string; measure: string; kind: 'impose' | 'lift'; agencyId: string | null; status: string }[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CaseList {
  items: CaseJson[];
  nextCursor: string | null;
}
