import type { PrismaClient } from '../prisma/client';
import { createProjection } from './projection';
import { createRouting } from './routing';

export interface ActivityDeps {
  prisma: PrismaClient;
}

/** Activities are built from their dependencies, so tests hand them a real database. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProjection(deps),
    ...createRouting(deps),
  };
}
