import { parseArgs } from 'node:util';
import { createApiKey, ROLES, type NewKey, type Role } from '../api/keys';
import { validateCreditCode } from '../domain/credit-code';
import { createPrisma, type PrismaClient } from '../prisma/client';
import { applyMigrations } from '../prisma/migrate';
import { loadConfig } from './runtime/config';
import { checkPostgres, redactUrl, serviceDatabaseUrl } from './runtime/postgres';

/**
 * npm run keys -- create --role office|admin|unit|complainant [--unit ID] [--uscc CODE] [--label TEXT]
 * npm run keys -- list
 * npm run keys -- revoke ID
 *
 * The new key is printed alone on the last line of stdout, so scripts can take it with `tail -n 1`.
 * Exit codes: 0 done, 1 the database could not be used, 2 bad arguments.
 */
const USAGE =
  'usage: npm run keys -- create --role office|admin|unit|complainant [--unit ID] [--uscc CODE] [--label TEXT] | list | revoke ID';

class UsageError extends Error {}

type Command = { name: 'create'; key: NewKey } | { name: 'list' } | { name: 'revoke'; id: string };

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { role: { type: 'string' }, unit: { type: 'string' }, uscc: { type: 'string' }, label: { type: 'string' } },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
}

function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseOptions(argv);
  const [name, ...rest] = positionals;
  const given = Object.keys(values).map((o) => `--${o}`);

  if (name === 'list' || name === 'revoke') {
    if (given.length > 0) throw new UsageError(`${name} takes no options (got ${given.join(', ')})`);
    if (name === 'list') {
      if (rest.length > 0) throw new UsageError(`list takes no arguments (got ${rest.join(' ')})`);
      return { name };
    }
    const [id, ...extra] = rest;
    if (!id || extra.length > 0) throw new UsageError('revoke takes exactly one key id (npm run keys -- list shows them)');
    return { name, id };
  }
  if (name !== 'create') throw new UsageError(name ? `unknown command "${name}"; ${USAGE}` : USAGE);
  if (rest.length > 0) throw new UsageError(`create takes no arguments besides its options (got ${rest.join(' ')})`);

  const role = values.role;
  if (role === undefined) throw new UsageError(`create needs --role ${ROLES.join('|')}`);
  if (!isRole(role)) throw new UsageError(`unknown role "${role}"; use one of ${ROLES.join(', ')}`);
  const unitId = values.unit?.trim();
  const creditCode = values.uscc?.trim();
  const label = values.label?.trim();
  if (role === 'unit' && !unitId) throw new UsageError('a unit key needs --unit ID (the unit it acts for)');
  if (role !== 'unit' && values.unit !== undefined) throw new UsageError(`--unit applies only to unit keys, not ${role} keys`);
  if (role === 'complainant' && !creditCode) throw new UsageError('a complainant key needs --uscc CODE (the enterprise it files for)');
  if (role !== 'complainant' && values.uscc !== undefined) throw new UsageError(`--uscc applies only to complainant keys, not ${role} keys`);
  if (creditCode) {
    const check = validateCreditCode(creditCode);
    if (!check.valid) throw new UsageError(`--uscc ${creditCode} is not a valid unified social credit code: ${check.message}`);
  }
  if (values.label !== undefined && (!label || label.length > 200)) throw new UsageError('--label must be 1 to 200 characters');
  return { name, key: { role, ...(unitId ? { unitId } : {}), ...(creditCode ? { creditCode } : {}), ...(label ? { label } : {}) } };
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);


async function create(prisma: PrismaClient, k: NewKey, out: (line: string) => void): Promise<void> {
  if (k.unitId && !(await prisma.unit.findUnique({ where: { id: k.unitId } }))) {
    const known = (await prisma.unit.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id);
    throw new UsageError(`unit "${k.unitId}" does not exist${known.length ? ` (units: ${known.join(', ')})` : ''}`);
  }
  const { id, key } = await createApiKey(prisma, k);
  const binding = k.unitId ? ` for unit ${k.unitId}` : k.creditCode ? ` for ${k.creditCode}` : '';
  out(`Created ${k.role} key ${id}${binding}${k.label ? ` (${k.label})` : ''}.`);
  out('The key is shown only this once and only its hash is stored; keep it now:');
  out(key);
}

async function list(prisma: PrismaClient, out: (line: string) => void): Promise<void> {
  const keys = await prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } });
  if (keys.length === 0) {
    out('No API keys yet; create one with npm run keys -- create --role office');
    return;
  }
  const header = ['ID', 'ROLE', 'BOUND TO', 'LABEL', 'CREATED', 'REVOKED'];
  const rows = keys.map((k) => [k.id, k.role, k.unitId ?? k.creditCode ?? '-', k.label ?? '-', k.createdAt.toISOString(), k.revokedAt?.toISOString() ?? '-']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const r of [header, ...rows]) out(r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

async function revoke(prisma: PrismaClient, id: string, out: (line: string) => void): Promise<void> {
  const key = await prisma.apiKey.findUnique({ where: { id } });
  if (!key) throw new UsageError(`no API key with id "${id}" (npm run keys -- list shows them)`);
  if (key.revokedAt) {
    out(`Key ${id} was already revoked at ${key.revokedAt.toISOString()}.`);
    return;
  }
  // Only a key still live is revoked, so two revokes racing keep the first time.
  await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  out(`Revoked ${key.role} key ${id}; it no longer authenticates.`);
}

async function main(argv: string[]): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const command = parseCommand(argv);
  const url = serviceDatabaseUrl(loadConfig());
  await checkPostgres(url).catch((err: Error) => {
    throw new Error(`PostgreSQL at ${redactUrl(url)} does not answer (${err.message}); start the service with npm start or set DATABASE_URL`);
  });
  await applyMigrations(url, (line) => {
    if (line.startsWith('applied')) out(line);
  });
  const prisma = createPrisma(url);
  try {
    if (command.name === 'create') await create(prisma, command.key, out);
    else if (command.name === 'list') await list(prisma, out);
    else await revoke(prisma, command.id, out);
  } finally {
    await prisma.$disconnect();
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`✖ keys: ${err.message.split('\n')[0]}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
