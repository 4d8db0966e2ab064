import { spawn } from 'node:child_process';
import path from 'node:path';
import { findPrincipal, hashKey } from '../../api/keys';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { applyMigrations } from '../../prisma/migrate';
import { freePort } from '../../scripts/runtime/ports';
import { DEMO_CREDIT_CODE, seedReferenceData } from '../../scripts/runtime/seed';
import { createTestDatabase } from '../support/db';

const root = path.resolve(__dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The last line of stdout: where `create` prints the new key. */
  lastLine: string;
}

/** Runs the real `npm run keys` entry point, as an operator would. */
function keys(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/keys.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, lastLine: stdout.trimEnd().split('\n').pop() ?? '' }));
  });
}

async function storedKeyRows(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.$queryRaw<{ row: string }[]>`select row_to_json(k)::text as row from api_keys k`;
  return rows.map((r) => r.row).join('\n');
}

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase('keys_cli');
  await applyMigrations(db.url);
  prisma = createPrisma(db.url);
  await seedReferenceData(prisma);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

test('an operator creates an office key: the key works and only its hash is stored', async () => {
  const r = await keys(['create', '--role', 'office', '--label', 'clerk Wang']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.lastLine).toMatch(/^sk_office_\S{20,}$/);

  expect(await findPrincipal(prisma, r.lastLine)).toEqual({ keyId: expect.stringMatching(/^key_/), role: 'office', unitId: null, creditCode: null });
  const stored = await storedKeyRows(prisma);
  expect(stored).toContain(hashKey(r.lastLine));
  expect(stored).not.toContain(r.lastLine);
  expect(stored).not.toContain(r.lastLine.slice('sk_office_'.length));
});

test('on an empty database the command applies the migrations before storing the key', async () => {
  const fresh = await createTestDatabase('keys_cli_fresh');
  const freshPrisma = createPrisma(fresh.url);
  try {
    const r = await keys(['create', '--role', 'admin'], { DATABASE_URL: fresh.url });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/applied migration /);
    expect(await findPrincipal(freshPrisma, r.lastLine)).toMatchObject({ role: 'admin' });
  } finally {
    await freshPrisma.$disconnect();
    await fresh.drop();
  }
});

test('unit and complainant keys are bound to their unit and enterprise; admin keys to nothing', async () => {
  const [unit, complainant, admin] = await Promise.all([
    keys(['create', '--role', 'unit', '--unit', 'gov-450621']),
    keys(['create', '--role', 'complainant', '--uscc', DEMO_CREDIT_CODE, '--label', 'demo enterprise']),
    keys(['create', '--role', 'admin']),
  ]);
  for (const r of [unit, complainant, admin]) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(await findPrincipal(prisma, unit.lastLine)).toMatchObject({ role: 'unit', unitId: 'gov-450621', creditCode: null });
  expect(await findPrincipal(prisma, complainant.lastLine)).toMatchObject({ role: 'complainant', unitId: null, creditCode: DEMO_CREDIT_CODE });
  expect(await findPrincipal(prisma, admin.lastLine)).toMatchObject({ role: 'admin', unitId: null, creditCode: null });
});

test.each([
  ['no command', [], /usage: npm run keys/],
  ['an unknown command', ['mint'], /unknown command "mint"/],
  ['no role', ['create'], /create needs --role/],
  ['an unknown role', ['create', '--role', 'boss'], /unknown role "boss"/],
  ['a unit key without --unit', ['create', '--role', 'unit'], /a unit key needs --unit ID/],
  ['a unit that does not exist', ['create', '--role', 'unit', '--unit', 'gov-999999'], /unit "gov-999999" does not exist \(units: .*gov-450621/],
  ['a complainant key without --uscc', ['create', '--role', 'complainant'], /a complainant key needs --uscc CODE/],
  ['a mistyped credit code', ['create', '--role', 'complainant', '--uscc', '91450600500000170X'], /not a valid unified social credit code: The check character should be P/],
  ['a binding the role does not take', ['create', '--role', 'office', '--uscc', DEMO_CREDIT_CODE], /--uscc applies only to complainant keys/],
  ['an unknown option', ['create', '--role', 'office', '--colour', 'red'], /Unknown option '--colour'/],
  ['revoke without an id', ['revoke'], /revoke takes exactly one key id/],
  ['revoke of a key that does not exist', ['revoke', 'key_nonexistent'], /no API key with id "key_nonexistent"/],
])('%s → exit 2, one line on stderr, no key made', async (_case, args, message) => {
  const before = await prisma.apiKey.count();
  const r = await keys(args);
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
  expect(r.stdout).not.toMatch(/sk_/);
  expect(await prisma.apiKey.count()).toBe(before);
});

test('list shows every key without its secret; a revoked key no longer authenticates', async () => {
  const made = await keys(['create', '--role', 'unit', '--unit', 'gov-450603', '--label', '防城区 clerk']);
  expect(made.code).toBe(0);
  const key = made.lastLine;
  const id = (await findPrincipal(prisma, key))?.keyId ?? '';
  expect(id).toMatch(/^key_/);

  const listed = await keys(['list']);
  expect(listed.code).toBe(0);
  expect(listed.stdout).not.toContain(key);
  expect(listed.stdout).not.toContain(hashKey(key));
  const line = listed.stdout.split('\n').find((l) => l.startsWith(id));
  expect(line?.split(/\s{2,}/)).toEqual([id, 'unit', 'gov-450603', '防城区 clerk', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), '-']);

  const revoked = await keys(['revoke', id]);
  expect(revoked).toMatchObject({ code: 0, stderr: '' });
  expect(revoked.lastLine).toBe(`Revoked unit key ${id}; it no longer authenticates.`);
  expect(await findPrincipal(prisma, key)).toBeUndefined();

  const after = await keys(['list']);
  expect(after.stdout.split('\n').find((l) => l.startsWith(id))).toMatch(/\d{4}-\d\d-\d\dT\S+Z$/);
  const again = await keys(['revoke', id]);
  expect(again).toMatchObject({ code: 0, stderr: '' });
  expect(again.lastLine).toMatch(/already revoked/);
  expect(await findPrincipal(prisma, key)).toBeUndefined();
});

describe('an unreachable database is one line and exit 1', () => {
  test('DATABASE_URL names a server that does not answer', async () => {
    const port = await freePort();
    const r = await keys(['create', '--role', 'office'], { DATABASE_URL: `postgresql://postgres:secret@127.0.0.1:${port}/complaints` });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^✖ keys: PostgreSQL at postgresql://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${port}/complaints does not answer`)),
    ]);
    expect(r.stdout).toBe('');
  });

  test('without DATABASE_URL it reaches for the database npm start runs', async () => {
    const port = await freePort();
    const r = await keys(['list'], { DATABASE_URL: '', EMBEDDED_PG_PORT: String(port) });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`@127.0.0.1:${port}/complaints does not answer`)]);
  });
});
