import crypto from 'node:crypto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { applyMigrations } from '../../../prisma/migrate';
import { createActivities } from '../../../activities';
import { fileComplaint } from '../../../api/intake';
import { complaintSchema } from '../../../domain/complaint';
import { DEFAULT_POLICY } from '../../../domain/policy';
import { calendarData } from '../../../domain/official-calendar';
import { workflowBundle } from '../../../scripts/runtime/worker';
import { seedReferenceData } from '../../../scripts/runtime/seed';
import { caseViewQuery, feedbackUpdate, instalmentUpdate, resultUpdate, reviewUpdate, signUpdate } from '../../../workflows/messages';
import { createTestDatabase } from '../../support/db';
import { exampleComplaint } from '../../support/fixtures';
import { eventually } from '../../support/service';
import { startSmtpReceiver } from '../../support/receivers';
import { registerSearchAttributes, startTimeSkippingServer } from '../../support/time-skipping';

/**
 * The statutory, day-scale policy on Temporal's time-skipping test server: weeks pass in moments, and the
 * deadlines fall on the instants the law and the working-day calendar put them.
 */

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso).getTime();
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** New Year's Day is a statutory day off every year; the other days off of a year come from its notice. */
const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const isWorkingDay = (date: string) => !weekend(date) && !date.endsWith('-01-01');

/**
 * The scenario: a complaint filed at 10:00 Beijing time on 28 December, when the New Year's Day that follows
 * is a weekday — e.g. 2026-12-28, due 2027-01-12 rather than 01-11. The first such year still ahead of the
 * test server's clock (which starts at the real time) is used, with the office's calendar entry for it.
 */
function scenario(serverNow: number) {
  let year = 2027;
  while (at(`${year - 1}-12-28T02:00:00Z`) <= serverNow || weekend(`${year}-01-01`)) year += 1;
  const filedAt = at(`${year - 1}-12-28T02:00:00Z`);
  let day = at(`${year - 1}-12-28T00:00:00Z`);
  for (let counted = 0; counted < 10; ) if (isWorkingDay(dateOf((day += DAY)))) counted += 1;
  const dueDay = day;
  for (let counted = 0; counted < 3; ) if (isWorkingDay(dateOf((day -= DAY)))) counted += 1;
  return {
    filedAt,
    calendar: { [String(year)]: { holidays: [`${year}-01-01`], workdays: [] } },
    // 23:59:59.999 Beijing time on the due day; reminders go out at 09:00 Beijing time.
    reviewDue: dueDay + DAY - 8 * 3_600_000 - 1,
    reminderAt: day + 3_600_000,
  };
}

let env: TestWorkflowEnvironment;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { forward: {}, filter: 'ERROR' } } });
  env = await startTimeSkippingServer();
  await registerSearchAttributes(env);
  db = await createTestDatabase('day_scale');
  await applyMigrations(db.url);
  prisma = createPrisma(db.url);
  await seedReferenceData(prisma);
  smtp = await startSmtpReceiver();
}, 300_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await smtp?.close();
  await db?.drop();
  await env?.teardown();
});

/** A worker on the time-skipping server, with its own task queue, the real activities and a real SMTP receiver. */
async function timeSkippingWorker(name: string) {
  const taskQueue = `${name}-${crypto.randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ prisma, smtpUrl: smtp.url }),
  });
  return { taskQueue, worker };
}

test('filed on 28 December: the 10-working-day review skips New Year’s Day and is missed at midnight Beijing time on its last day', async () => {
  const { taskQueue, worker } = await timeSkippingWorker('day-scale');

  await worker.runUntil(async () => {
    const serverNow = Number(await env.currentTimeMs());
    const { filedAt, calendar, reviewDue, reminderAt } = scenario(serverNow);
    const year = Number(Object.keys(calendar)[0]);
    // Weeks pass in a moment: the server's clock runs on to the filing.
    await env.sleep(filedAt - serverNow);

    const complaint = complaintSchema.parse(exampleComplaint({ contractTitle: 'day-scale contract' }));
    const { row } = await fileComplaint(
      { prisma, temporal: env.client, taskQueue, policy: DEFAULT_POLICY, calendar: calendarData(year - 1, year + 1, calendar), now: () => new Date(filedAt) },
      complaint,
      { keyOwner: 'day-scale-test' },
    );
    const handle = env.client.workflow.getHandle(row.id);
    // The projection ran: the activities work, so skipping weeks will not wait on a retrying one.
    const projected = await eventually(() => prisma.case.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.projectedSeq > 0, 15_000);
    expect(projected.status).toBe('submitted');

    // Ten working days, New Year's Day not among them (for 2026-12-28: 29–31 December, 4–8 and 11–12 January).
    const opened = await handle.query(caseViewQuery);
    expect(opened.deadlines.find((d) => d.key === 'review:1')).toMatchObject({ state: 'open', dueAt: new Date(reviewDue).toISOString() });

    // A minute before that midnight the review is still open, and the office was reminded at 09:00 three
    // working days before.
    await env.sleep(reviewDue - 60_000 - filedAt);
    const before = await handle.query(caseViewQuery);
    expect(before.deadlines.find((d) => d.key === 'review:1')?.state).toBe('open');
    const reminders = before.timeline.filter((e) => e.type === 'reminder_sent');
    expect(reminders.map((e) => e.data.to)).toEqual(['office']);
    expect(at(reminders[0]!.at) - reminderAt).toBeGreaterThanOrEqual(0);
    expect(at(reminders[0]!.at) - reminderAt).toBeLessThan(1_000);

    // Two minutes later it has been missed, at the deadline itself.
    await env.sleep(120_000);
    const after = await handle.query(caseViewQuery);
    expect(after.deadlines.find((d) => d.key === 'review:1')?.state).toBe('missed');
    const missed = after.timeline.find((e) => e.type === 'deadline_missed');
    expect(missed?.data).toMatchObject({ deadline: 'review', to: 'office' });
    expect(at(missed!.at) - reviewDue).toBeGreaterThanOrEqual(0);
    expect(at(missed!.at) - reviewDue).toBeLessThan(1_000);

    // The read model saw it too.
    const stored = await prisma.caseDeadline.findUniqueOrThrow({ where: { caseId_key: { caseId: row.id, key: 'review:1' } } });
    expect(stored.state).toBe('missed');
    // Done with this case: on a time-skipping server a case left running would wait for its worker's
    // activities once this worker is gone, and stop the clock for the next test.
    await handle.terminate('test over');
  });
}, 120_000);

test('a case that lives a year, with a payment plan of twelve monthly instalments on statutory time limits, stays far below Temporal’s history warning', async () => {
  const { taskQueue, worker } = await timeSkippingWorker('year-long');

  await worker.runUntil(async () => {
    const start = Number(await env.currentTimeMs());
    const complaint = complaintSchema.parse(exampleComplaint({ contractTitle: 'a year-long case' }));
    const year = new Date(start).getUTCFullYear();
    const { row } = await fileComplaint(
      { prisma, temporal: env.client, taskQueue, policy: DEFAULT_POLICY, calendar: calendarData(year - 1, year + 2), now: () => new Date(start) },
      complaint,
      { keyOwner: 'year-long-test' },
    );
    const handle = env.client.workflow.getHandle(row.id);
    await eventually(() => prisma.case.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.projectedSeq > 0, 15_000);
    const office = { role: 'office' as const, id: 'clerk' };
    const unit = { role: 'unit' as const, id: 'gov-450621' };
    const complainant = { role: 'complainant' as const, id: complaint.complainant.creditCode };

    await handle.executeUpdate(reviewUpdate, { args: [{ actor: office, decision: 'accept' }] });
    await handle.executeUpdate(signUpdate, { args: [{ actor: unit }] });
    // Twelve instalments, one a month from a month after the result.
    const plan = Array.from({ length: 12 }, (_, i) => ({ dueDate: dateOf(start + (i + 1) * 30 * DAY), amount: '10000.00' }));
    await handle.executeUpdate(resultUpdate, { args: [{ actor: unit, outcome: 'payment_plan', plan, summary: '分十二期支付' }] });
    await handle.executeUpdate(feedbackUpdate, { args: [{ actor: complainant, satisfied: true }] });

    for (const [i, instalment] of plan.entries()) {
      // The day after each due date the complainant confirms it was paid, inside the grace period.
      await env.sleep(at(`${instalment.dueDate}T00:00:00Z`) + DAY - Number(await env.currentTimeMs()));
      const view = await handle.executeUpdate(instalmentUpdate, { args: [{ actor: complainant, n: i + 1, paid: true }] });
      expect(view.plan[i]?.state).toBe('paid');
    }
    expect((await handle.query(caseViewQuery)).status).toBe('closed');

    // The closed case waits out the window in which the office may still find it serious, then rests.
    await env.sleep(100 * DAY);
    const result = await handle.result();
    expect(result.status).toBe('closed');
    const history = await handle.fetchHistory();
    const events = history.events?.length ?? 0;
    // Temporal warns at 10,240 events; a year of this case is a small fraction of that.
    expect(events).toBeLessThan(1_000);
    expect(Number(await env.currentTimeMs()) - start).toBeGreaterThan(365 * DAY);
  });
}, 180_000);
