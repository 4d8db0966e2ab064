// The start-up migrator (npm start, the worker, the tests). It applies the committed
// prisma/migrations/*/migration.sql files with plain `pg`, so no schema engine is needed at run time, and
// records them in Prisma's own `_prisma_migrations` table exactly as `prisma migrate deploy` would, so
// `prisma migrate status` / `deploy` / `dev` agree with it. New migrations are still written with
// `prisma migrate dev` (see scripts/prisma-schema-engine.mjs for running it offline).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** The session advisory lock Prisma Migrate itself takes, so this and `prisma migrate deploy` never race either. */
const PRISMA_MIGRATE_LOCK = 72707369;
const LOCK_WAIT = '5min';

/** The table as Prisma's schema engine creates it. */
const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Prisma accepts a file whose line endings were converted (git autocrlf) as unchanged; so do we. */
const matchesChecksum = (sql: string, checksum: string): boolean =>
  sha256(sql) === checksum || sha256(sql.replace(/\r\n/g, '\n')) === checksum;

/** The committed migrations, in name (= timestamp) order, as Prisma lists them. */
export function listMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: sha256(sql) };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies every committed migration the database has not seen, each in its own transaction, under
 * Prisma Migrate's advisory lock. Refuses to start when an applied migration's file was edited or a
 * migration is recorded as failed.
 */
export async function applyMigrations(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<{ applied: string[] }> {
  const migrations = listMigrations();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // a dropped connection fails the pending query instead of crashing the process
  await client.connect();
  try {
    await acquireLock(client);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<MigrationRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const pending = checkHistory(migrations, rows, log);
      const applied: string[] = [];
      for (const migration of pending) {
        await applyOne(client, migration);
        log(`applied migration ${migration.name}`);
        applied.push(migration.name);
      }
      if (applied.length === 0) log(`database schema is up to date (${migrations.length} migrations)`);
      return { applied };
    } finally {
      // Closing the session releases the lock too; never let a failed unlock hide the real error.
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function acquireLock(client: pg.Client): Promise<void> {
  await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') {
      throw new MigrationError(`Timed out after ${LOCK_WAIT} waiting for the migration lock (pg_advisory_lock(${PRISMA_MIGRATE_LOCK})) held by another process`);
    }
    throw err;
  } finally {
    await client.query('RESET lock_timeout');
  }
}

/** Returns the migrations still to apply, or throws when the recorded history forbids going on. */
function checkHistory(migrations: MigrationFile[], rows: MigrationRow[], log: (line: string) => void): MigrationFile[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(', ');
    throw new MigrationError(
      `Migration ${names} is recorded as started but not finished in _prisma_migrations; inspect the database, then mark it with \`prisma migrate resolve --applied|--rolled-back <name>\``,
    );
  }
  const finished = new Map(live.map((row) => [row.migration_name, row]));
  for (const migration of migrations) {
    const row = finished.get(migration.name);
    if (row && !matchesChecksum(migration.sql, row.checksum)) {
      throw new MigrationError(
        `Migration ${migration.name} was modified after it was applied (checksum in database ${row.checksum}, file ${migration.checksum}); ` +
          'restore the original prisma/migrations/' + migration.name + '/migration.sql and put the change in a new migration',
      );
    }
  }
  const known = new Set(migrations.map((m) => m.name));
  for (const name of finished.keys()) {
    if (!known.has(name)) log(`warning: migration ${name} is applied to the database but missing from prisma/migrations`);
  }
  return migrations.filter((migration) => !finished.has(migration.name));
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
  }
}
