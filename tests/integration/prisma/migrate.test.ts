import { createHash } from 'node:crypto';
import pg from 'pg';
import { applyMigrations, listMigrations } from '../../../prisma/migrate';
import { createTestDatabase } from '../../support/db';

// The project-level testTimeout in package.json is not applied by jest-circus (it reads the global one).
jest.setTimeout(120_000);

const MODEL_TABLES = ['api_keys', 'case_deadlines', 'case_events', 'case_number_counters', 'cases', 'routing_rules', 'units'];
const migrations = listMigrations();

async function query<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

let db: { url: string; drop(): Promise<void> };
beforeEach(async () => {
  db = await createTestDatabase('prisma_migrate');
});
afterEach(async () => {
  await db.drop();
});

test('there is at least the committed init migration', () => {
  expect(migrations.length).toBeGreaterThanOrEqual(1);
  expect(migrations[0]!.name).toMatch(/^\d{14}_init$/);
});

test('applies every committed migration to an empty database and records it the way Prisma does', async () => {
  const lines: string[] = [];
  const result = await applyMigrations(db.url, (line) => lines.push(line));

  expect(result.applied).toEqual(migrations.map((m) => m.name));
  expect(lines).toEqual(migrations.map((m) => `applied migration ${m.name}`));

  const tables = await query<{ table_name: string }>(
    db.url,
    `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining([...MODEL_TABLES, '_prisma_migrations']));

  const rows = await query<{
    id: string;
    migration_name: string;
    checksum: string;
    started_at: Date;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
    applied_steps_count: number;
  }>(db.url, 'select * from _prisma_migrations order by migration_name');
  expect(rows).toHaveLength(migrations.length);
  rows.forEach((row, i) => {
    const migration = migrations[i]!;
    expect(row.migration_name).toBe(migration.name);
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.checksum).toBe(migration.checksum);
    expect(row.checksum).toBe(createHash('sha256').update(migration.sql).digest('hex'));
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    expect(row.rolled_back_at).toBeNull();
    expect(row.logs).toBeNull();
    expect(row.applied_steps_count).toBe(1);
  });
});

test('a second run applies nothing', async () => {
  await applyMigrations(db.url);
  const lines: string[] = [];
  const second = await applyMigrations(db.url, (line) => lines.push(line));
  expect(second.applied).toEqual([]);
  expect(lines).toEqual([`database schema is up to date (${migrations.length} migrations)`]);
  const [count] = await query<{ n: number }>(db.url, 'select count(*)::int as n from _prisma_migrations');
  expect(count!.n).toBe(migrations.length);
});

test('two processes starting together do not conflict: each migration is applied exactly once', async () => {
  const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
  expect([...a.applied, ...b.applied].sort()).toEqual(migrations.map((m) => m.name));
  expect(Math.min(a.applied.length, b.applied.length)).toBe(0);
  const rows = await query<{ migration_name: string }>(db.url, 'select migration_name from _prisma_migrations');
  expect(rows).toHaveLength(migrations.length);
});

test('refuses to run when an applied migration file no longer matches its recorded checksum', async () => {
  await applyMigrations(db.url);
  const first = migrations[0]!;
  // Same effect as editing the committed file after it was applied: the recorded checksum stops matching.
  const otherChecksum = createHash('sha256').update(first.sql + '\n-- edited afterwards\n').digest('hex');
  await query(db.url, 'update _prisma_migrations set checksum = $1 where migration_name = $2', [otherChecksum, first.name]);

  await expect(applyMigrations(db.url)).rejects.toThrow(`Migration ${first.name} was modified after it was applied`);
});

test('refuses to run over a migration Prisma recorded as failed', async () => {
  await applyMigrations(db.url);
  await query(db.url, 'update _prisma_migrations set finished_at = null where migration_name = $1', [migrations[0]!.name]);
  await expect(applyMigrations(db.url)).rejects.toThrow(/recorded as started but not finished/);
});
