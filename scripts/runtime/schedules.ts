import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { monthlyCircularWorkflow } from '../../workflows/circular';

/** One schedule per task queue, so deployments (and test runs) sharing a namespace keep theirs apart. */
export const circularScheduleId = (taskQueue: string) => `monthly-circular-${taskQueue}`;

/**
 * The monthly circular (通报) at 08:00 Beijing time on the 1st, i.e. 00:00 UTC. Created once at worker
 * start; an existing schedule is left as it is, so the office's pauses and edits survive restarts.
 */
export async function ensureCircularSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: circularScheduleId(taskQueue),
      spec: { calendars: [{ dayOfMonth: 1, hour: 0, minute: 0 }] },
      action: { type: 'startWorkflow', workflowType: monthlyCircularWorkflow, args: [{}], taskQueue, workflowId: `monthly-circular-${taskQueue}` },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
