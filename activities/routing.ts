import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './index';

export interface RouteRequest {
  regionCode: string;
  supervisingDepartment: string | null;
  respondentType: string;
  /** Units that already had the case (a hand-back must not route it to the same unit again). */
  exclude: string[];
}

/**
 * 属地管理、分级负责，谁主管谁负责: a rule naming the supervising department wins over one naming only the
 * territory; among equals the lowest priority number wins; the fallback owner takes what nothing matches.
 */
export function createRouting({ prisma }: ActivityDeps) {
  return {
    async routeCase(req: RouteRequest): Promise<{ unitId: string; ruleId: string }> {
      const rules = await prisma.routingRule.findMany({ orderBy: [{ priority: 'asc' }, { id: 'asc' }] });
      const matches = (r: (typeof rules)[number]) =>
        !r.isFallback &&
        (r.regionCode === null || r.regionCode === req.regionCode) &&
        (r.supervisingDepartment === null || r.supervisingDepartment === req.supervisingDepartment) &&
        (r.respondentType === null || r.respondentType === req.respondentType) &&
        !req.exclude.includes(r.unitId);
      const specificity = (r: (typeof rules)[number]) => (r.supervisingDepartment ? 4 : 0) + (r.regionCode ? 2 : 0) + (r.respondentType ? 1 : 0);
      const best = rules.filter(matches).sort((a, b) => specificity(b) - specificity(a) || a.priority - b.priority)[0];
      const chosen = best ?? rules.find((r) => r.isFallback);
      if (!chosen) {
        throw ApplicationFailure.create({ type: 'NoRoutingRule', message: 'no routing rule matches and no fallback owner is configured' });
      }
      return { unitId: chosen.unitId, ruleId: chosen.id };
    },
  };
}
