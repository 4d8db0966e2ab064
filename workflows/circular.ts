import { proxyActivities } from '@temporalio/workflow';
import type { createStatistics } from '../activities/statistics';
import { previousBeijingMonth } from '../domain/statistics';

const { produceCircular } = proxyActivities<ReturnType<typeof createStatistics>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

export interface MonthlyCircularInput {
  /** 'YYYY-MM' (Beijing); absent when the schedule runs it, which means the month just ended. */
  period?: string;
}

/** Produces the monthly circular (通报): run by the schedule on the 1st, or on demand by the office. */
export async function monthlyCircularWorkflow(input: MonthlyCircularInput = {}): Promise<{ id: string; period: string }> {
  const period = input.period ?? previousBeijingMonth(new Date());
  const { id } = await produceCircular({ period });
  return { id, period };
}
