import type { PrismaClient } from '../prisma/client';
import type { CaseView } from '../workflows/case-view';
import { MONTH_PATTERN, monthPeriod, unitStatistics, type Period, type StatisticsCase, type UnitStatistics } from '../domain/statistics';

export interface StatisticsDeps {
  prisma: PrismaClient;
  /** Cases loaded per query. */
  batchSize?: number;
}

export interface CircularRecord {
  id: string;
  period: string;
  from: string;
  to: string;
  generatedAt: string;
  rows: UnitStatistics[];
  summonsUnitIds: string[];
}

export const circularId = (period: string) => `circular-${period}`;

export function circularJson(c: { id: string; period: string; from: Date; to: Date; generatedAt: Date; rows: unknown; summonsUnitIds: string[] }): CircularRecord {
  return {
    id: c.id,
    period: c.period,
    from: c.from.toISOString(),
    to: c.to.toISOString(),
    generatedAt: c.generatedAt.toISOString(),
    rows: c.rows as UnitStatistics[],
    summonsUnitIds: c.summonsUnitIds,
  };
}

/** Per-unit statistics and the monthly circular (通报), read from the projection. */
export function createStatistics({ prisma, batchSize = 500 }: StatisticsDeps) {
  /** Cases that may have anything in the period: filed before it ends and not closed before it starts. */
  async function casesTouching(period: Period): Promise<StatisticsCase[]> {
    const cases: StatisticsCase[] = [];
    let cursor: string | undefined;
    for (;;) {
      const batch = await prisma.case.findMany({
        where: { createdAt: { lt: new Date(period.to) }, OR: [{ closedAt: null }, { closedAt: { gte: new Date(period.from) } }] },
        select: { id: true, detail: true },
        orderBy: { id: 'asc' },
        take: batchSize,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      });
      for (const row of batch) {
        const view = row.detail as Partial<CaseView>;
        cases.push({ id: row.id, deadlines: view.deadlines ?? [], timeline: view.timeline ?? [] });
      }
      if (batch.length < batchSize) return cases;
      cursor = batch[batch.length - 1]?.id;
    }
  }

  async function unitStatisticsFor(period: Period): Promise<UnitStatistics[]> {
    const units = await prisma.unit.findMany({ where: { kind: { not: 'office' } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
    return unitStatistics(period, units, await casesTouching(period));
  }

  return {
    unitStatistics: unitStatisticsFor,

    /** Makes (or remakes) the circular for a Beijing month; one row per period, so a retry only refreshes it. */
    async produceCircular({ period }: { period: string }): Promise<{ id: string }> {
      if (!MONTH_PATTERN.test(period)) throw new RangeError(`"${period}" is not a month written YYYY-MM`);
      const range = monthPeriod(period);
      const rows = await unitStatisticsFor(range);
      const summonsUnitIds = rows.filter((r) => r.summonsReasons.length > 0).map((r) => r.unitId);
      const data = { from: new Date(range.from), to: new Date(range.to), generatedAt: new Date(), rows: rows as object[], summonsUnitIds };
      const saved = await prisma.circular.upsert({ where: { period }, create: { id: circularId(period), period, ...data }, update: data });
      return { id: saved.id };
    },
  };
}
