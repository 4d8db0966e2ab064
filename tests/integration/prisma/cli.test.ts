// The real Prisma CLI, offline, through scripts/prisma-schema-engine.mjs (named by prisma/prisma.config.ts).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { applyMigrations } from '../../../prisma/migrate';
import { createTestDatabase } from '../../support/db';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const SHIM = path.join(ROOT, 'scripts', 'prisma-schema-engine.mjs');
const PRISMA_CLI = path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js');
const CLI_TIMEOUT = 240_000;
// The project-level testTimeout in package.json is not applied by jest-circus (it reads the global one).
jest.setTimeout(CLI_TIMEOUT);

async function prisma(args: string[], databaseUrl: string): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', NO_COLOR: '1' };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY; // the config must set it
  return run(process.execPath, [PRISMA_CLI, ...args, '--config', 'prisma/prisma.config.ts'], { cwd: ROOT, env, timeout: CLI_TIMEOUT });
}

let db: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  db = await createTestDatabase('prisma_cli');
  await applyMigrations(db.url);
});
afterAll(async () => {
  await db?.drop();
});

test('the shim answers --version like the native engine', async () => {
  const { stdout } = await run(SHIM, ['--version']);
  expect(stdout.trim()).toMatch(/^schema-engine-cli [0-9a-f]{40}$/);
});

test(
  'prisma migrate status and deploy agree with the start-up migrator',
  async () => {
    const status = await prisma(['migrate', 'status'], db.url);
    expect(status.stdout).toContain('Database schema is up to date!');

    const deploy = await prisma(['migrate', 'deploy'], db.url);
    expect(deploy.stdout).toContain('No pending migrations to apply.');
  },
  CLI_TIMEOUT,
);

test(
  'the committed migrations produce exactly prisma/schema.prisma (replayed in a shadow database that is dropped afterwards)',
  async () => {
    const diff = await prisma(
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--script'],
      db.url,
    );
    expect(diff.stdout.trim()).toBe('-- This is an empty migration.');

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`select datname from pg_database where datname like 'prisma_migrate_shadow_db_%'`);
    await client.end();
    expect(rows).toEqual([]);
  },
  CLI_TIMEOUT,
);
