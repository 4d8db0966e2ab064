import crypto from 'node:crypto';
import { apiClient, eventually, type TestService } from '../../support/service';
import { KEYS, exampleComplaint } from '../../support/fixtures';
import { createApiKey } from '../../../api/keys';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;
/** A workflow whose last event is one of these is waiting on a timer or a message, not working. */
const AT_REST = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_TIMER_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
]);

/** What the API shows of a case, as far as these tests read it. */
export interface ShownCase {
  id: string;
  status: string;
  escalationLevel: number;
  unitId: string | null;
  outcome: string | null;
  plan: { n: number; state: string; dueDate: string; amount: string }[];
  pendingExtension: { days: number; reason: string } | null;
  deadlines: { key: string; name: string; dueAt: string; state: string; metAt?: string }[];
  timeline: { seq: number; what: string; who: { role: string; id: string }; when: string; data: Record<string, unknown> }[];
}

/**
 * The actors of a lifecycle test, each with its own key, acting on real cases through the real API.
 * Every case gets its own contract title, so no two tests collide as duplicates.
 */
export function caseSteps(service: TestService) {
  const call = apiClient(service.baseUrl);

  async function file(overrides: { supervisingDepartment?: string; regionCode?: string } = {}): Promise<string> {
    const complaint = exampleComplaint({ contractTitle: `合同 ${crypto.randomUUID()}`, regionCode: overrides.regionCode });
    const respondent = { ...complaint.respondent, supervisingDepartment: overrides.supervisingDepartment ?? null };
    const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: { ...complaint, respondent } });
    if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${filed.text}`);
    return filed.body.id as string;
  }

  /** One actor's command; answers with the HTTP status and body as the caller sees them. */
  const act = (key: string, id: string, path: string, body: unknown = {}) => call('POST', `/api/v1/complaints/${id}/${path}`, { key, body });

  /** Like `act`, but the command must succeed; answers with the case as it now stands. */
  async function must(key: string, id: string, path: string, body: unknown = {}): Promise<ShownCase> {
    const res = await act(key, id, path, body);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${res.text}`);
    return res.body as ShownCase;
  }

  async function show(id: string, key: string = KEYS.office): Promise<ShownCase> {
    const res = await call('GET', `/api/v1/complaints/${id}`, { key });
    if (res.status !== 200) throw new Error(`GET answered ${res.status}: ${res.text}`);
    return res.body as ShownCase;
  }

  /** Polls the case until `check` holds (deadlines fire on the workflow's own clock). */
  async function until(id: string, check: (c: ShownCase) => boolean, timeoutMs = 30_000): Promise<ShownCase> {
    return eventually(() => show(id), check, timeoutMs, 250);
  }

  /** A case the office accepted and the unit 上思县 (gov-450621) signed for: it is being handled. */
  async function handling(): Promise<string> {
    const id = await file();
    await must(KEYS.office, id, 'review', { decision: 'accept' });
    await must(KEYS.unit450621, id, 'sign');
    return id;
  }

  /**
   * The length of the case's history once the workflow is at rest (no activity or workflow task in flight,
   * and no notification waiting in the outbox for another round of sending), so that a refused command can be
   * shown to add nothing.
   */
  async function historyLength(id: string): Promise<number> {
    const handle = service.temporal.workflow.getHandle(id);
    const atRest = async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      const last = events[events.length - 1]?.eventType;
      const pendingActivities = (await handle.describe()).raw.pendingActivities?.length ?? 0;
      const unsent = await service.prisma.delivery.count({ where: { caseId: id, status: { in: ['pending', 'sending'] } } });
      return { length: events.length, busy: pendingActivities > 0 || unsent > 0 || last === undefined || !AT_REST.has(Number(last)) };
    };
    let previous = -1;
    const settled = await eventually(
      atRest,
      (h) => {
        const stable = !h.busy && h.length === previous;
        previous = h.length;
        return stable;
      },
      10_000,
      200,
    );
    return settled.length;
  }

  /** A key for another unit, for cases the office routes elsewhere. */
  const unitKey = async (unitId: string) => (await createApiKey(service.prisma, { role: 'unit', unitId, label: `test key for ${unitId}` })).key;

  return { call, file, act, must, show, until, handling, historyLength, unitKey };
}

export const whats = (c: ShownCase) => c.timeline.map((e) => e.what);
export const eventsOf = (c: ShownCase, what: string) => c.timeline.filter((e) => e.what === what);
export const deadline = (c: ShownCase, key: string) => c.deadlines.find((d) => d.key === key);
