// The one place the service builds its Prisma Client: the generated client (prisma/generated, made by
// `prisma generate` on npm install) over @prisma/adapter-pg, so no engine binary is involved at run time.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export type { PrismaClient } from './generated/client';
export { Prisma } from './generated/client';

export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
