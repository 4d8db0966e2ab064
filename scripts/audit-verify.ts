import { parseArgs } from 'node:util';
import { describeAuditResult, verifyAuditTrail } from '../activities/audit';
import { createPrisma } from '../prisma/client';
import { loadConfig } from './runtime/config';
import { checkPostgres, redactUrl, serviceDatabaseUrl } from './runtime/postgres';

/**
 * npm run audit:verify [-- --case ID]
 *
 * Recomputes every case's hash chain and prints one line: intact, or the first broken link.
 * Exit codes, as diff(1) has them: 0 intact, 1 broken, 2 the check could not run.
 * Read-only: it never migrates or writes.
 */
const USAGE = 'usage: npm run audit:verify [-- --case CASE_ID]';


function parseCaseId(argv: string[]): string | undefined {
  try {
    const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { case: { type: 'string' } } });
    if (values.case !== undefined && values.case.trim() === '') throw new Error('--case needs a case id');
    return values.case?.trim();
  } catch (err) {
    throw new Error(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const caseId = parseCaseId(argv);
  const url = serviceDatabaseUrl(loadConfig());
  await checkPostgres(url).catch((err: Error) => {
    throw new Error(`PostgreSQL at ${redactUrl(url)} does not answer (${err.message}); start the service with npm start or set DATABASE_URL`);
  });
  const prisma = createPrisma(url);
  try {
    const result = await verifyAuditTrail(prisma, { caseId });
    if (caseId !== undefined && result.ok && result.cases === 0) throw new Error(`no case with id ${caseId}`);
    process.stdout.write(`${describeAuditResult(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`✖ audit:verify: ${err.message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
