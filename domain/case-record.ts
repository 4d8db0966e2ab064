/**
 * The shape of a case as the workflow holds it and as the read model stores it. Plain data, so it
 * crosses workflow → activity → database → API unchanged.
 */
export type ActorRole = 'complainant' | 'unit' | 'office' | 'admin' | 'system';

export interface Actor {
  role: ActorRole;
  /** Key id, unit id or credit code; 'workflow' for automatic steps. */
  id: string;
}

export interface TimelineEvent {
  /** 1, 2, 3… within the case; the projection's idempotency key. */
  seq: number;
  type: string;
  actor: Actor;
  at: string;
  data: Record<string, unknown>;
}

export type DeadlineState = 'open' | 'met' | 'missed' | 'cancelled';

export interface CaseDeadline {
  /** Unique within the case, e.g. 'review', 'sign:2', 'handling:1'. */
  key: string;
  name: 'review' | 'sign' | 'handling' | 'feedback' | 'instalment';
  /** When the clock started (absent on deadlines opened before this field existed). */
  openedAt?: string;
  dueAt: string;
  state: DeadlineState;
  metAt?: string;
  extended?: boolean;
}
