#!/usr/bin/env node
// Air-gapped schema engine. The Prisma CLI normally downloads a native `schema-engine` binary, which
// this network cannot reach. prisma/prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here instead:
// this program speaks the binary's protocol (JSON-RPC 2.0, one JSON object per line on stdin/stdout,
// JSON log lines on stderr) and passes each call to Prisma's own WebAssembly build of the same engine
// (@prisma/schema-engine-wasm, pinned to the build matching prisma 7.10.0), which reaches PostgreSQL
// through @prisma/adapter-pg. Only the gaps between the two are filled in here; see
// /work/shared/PRISMA-OFFLINE.md for the traps (numbered below as in that note).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

const log = (level, message, extra = {}) =>
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' }) + '\n',
  );

// Trap 2: adapter-pg rejects PostgreSQL's internal "char" type (OID 18), which the engine reads from the
// catalog (pg_constraint.contype, ...) and expects as a Character column. In this process only, pg parses
// such columns as text and tags their positions on the rows array, and every adapter result marks them
// back as Character.
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (fields) {
  this.rows.charColumns = fields.flatMap((f, i) => (f.dataTypeID === 18 ? [i] : []));
  return addFields.call(this, fields.map((f) => (f.dataTypeID === 18 ? { ...f, dataTypeID: 25 } : f)));
};
function restoreCharColumns(queryable) {
  const { queryRaw, startTransaction } = queryable;
  queryable.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of result.rows.charColumns ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (startTransaction) {
    queryable.startTransaction = async function (...args) {
      return restoreCharColumns(await startTransaction.apply(this, args));
    };
  }
  return queryable;
}

const withDatabase = (url, database) => {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.href;
};
const databaseOf = (url) => decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
const quoteIdent = (name) => '"' + name.replace(/"/g, '""') + '"';

async function runSql(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * adapter-pg's factory for the engine. Shadow databases are made here (trap 3: adapter-pg drops them while
 * its own pool is still open): the pool is closed first, and any still left when the CLI stops us are
 * dropped on the way out.
 */
class EngineAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';
  shadowDatabases = new Set();
  constructor(url, shadowDatabaseUrl) {
    this.url = url;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
    this.options = { schema: (url && new URL(url).searchParams.get('schema')) || undefined };
  }
  async open(url) {
    return restoreCharColumns(await new PrismaPg({ connectionString: url }, this.options).connect());
  }
  connect() {
    return this.open(this.url);
  }
  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) return this.open(this.shadowDatabaseUrl);
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runSql(this.url, `CREATE DATABASE ${quoteIdent(name)}`);
    this.shadowDatabases.add(name);
    const adapter = await this.open(withDatabase(this.url, name));
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await this.dropShadowDatabase(name);
    };
    return adapter;
  }
  async dropShadowDatabase(name) {
    this.shadowDatabases.delete(name);
    await runSql(this.url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
  dropAllShadowDatabases() {
    return Promise.allSettled([...this.shadowDatabases].map((name) => this.dropShadowDatabase(name)));
  }
}

// The WASM engine reports a Rust panic's message here before throwing a bare `RuntimeError: unreachable`.
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panicMessage = message) };
// Some panics escape the failing call's promise; exit like the native engine does on a panic.
process.on('uncaughtException', (err) => {
  log('ERROR', panicMessage ?? String(err?.stack ?? err), { is_panic: true });
  process.exit(101);
});

/** What the package's own entry does with `import * as wasm from './schema_engine_bg.wasm'`, which Node 20 cannot. */
async function loadWasm() {
  const wasmFile = new URL('schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), { './schema_engine_bg.js': wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return wasmBindings;
}

async function loadEngine(datamodelPaths, adapterFactory) {
  const { SchemaEngine } = await loadWasm();
  const datamodels = datamodelPaths.length
    ? await Promise.all(datamodelPaths.map(async (p) => [p, await readFile(p, 'utf8')]))
    : undefined;
  const engineLog = (line) => {
    try {
      process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), ...JSON.parse(line) }) + '\n');
    } catch {
      log('INFO', String(line));
    }
  };
  return SchemaEngine.new({ datamodels }, engineLog, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

/** Maps a PostgreSQL connection failure onto the engine's error codes (P1001 unreachable, P1003 no database). */
function connectionError(err, url) {
  const u = new URL(url);
  const at = `${u.hostname}:${u.port || 5432}`;
  if (err.code === '3D000') return ['P1003', `Database \`${databaseOf(url)}\` does not exist on the database server at \`${at}\`.`];
  if (err.code === '28P01' || err.code === '28000') return ['P1000', `Authentication failed against database server at \`${at}\`: ${err.message}`];
  if (!err.severity) return ['P1001', `Can't reach database server at \`${at}\`: ${err.message}`];
  return ['P1000', err.message];
}

/** Trap 5: `cli can-connect-to-database` / `cli create-database`, with which `migrate dev` creates a missing database. */
async function oneShot(command, url) {
  try {
    if (command === 'can-connect-to-database') await runSql(url, 'SELECT 1');
    else if (command === 'create-database') await createDatabase(url);
    else throw Object.assign(new Error(`Unknown cli subcommand: ${command}`), { severity: 'ERROR' });
    process.stdout.write(JSON.stringify({ result: 'ok' }) + '\n');
  } catch (err) {
    const [errorCode, message] = connectionError(err, url);
    log('INFO', `schema-engine-cli ${command}`); // the CLI skips the first stderr line
    log('ERROR', message, { error_code: errorCode });
    process.exit(1);
  }
}

async function createDatabase(url) {
  const name = databaseOf(url);
  await runSql(withDatabase(url, 'postgres'), `CREATE DATABASE ${quoteIdent(name)}`);
  return name;
}

function rpcServer(engine, datasource, shutdown) {
  const pendingCalls = new Map(); // requests we sent to the CLI, by id
  let nextId = 1;
  const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
  const callCli = (method, params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pendingCalls.set(id, resolve);
      send({ id, method, params });
    });

  const diagnose = ({ migrationsList, filters }) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters });

  const methods = {
    getDatabaseVersion: (params) => engine.version(params ?? undefined),
    debugPanic: () => engine.debugPanic(),
    // The WASM engine has no createDatabase; the url comes from the request or the --datasource argument.
    createDatabase: async (params) => ({ databaseName: await createDatabase(params?.datasource?.url ?? datasource.url) }),
    // Trap 1: the WASM engine returns the diff; the native one asks the CLI to print it, which is also how
    // the CLI captures it for `migrate diff --output`. The CLI appends a newline itself.
    diff: async (params) => {
      const { stdout, exitCode } = await engine.diff(params);
      if (stdout) await callCli('print', { content: stdout.replace(/\n$/, '') });
      return { exitCode };
    },
    // Trap 4: the WASM engine gets the schema a migration history produces from a cache that only
    // diagnoseMigrationHistory fills with the shadow database; evaluateDataLoss and createMigration cannot
    // reach a shadow database themselves ("PostgreSQL shadow DB must be provided through an external
    // factory"), e.g. in `migrate dev` right after pending migrations were applied. Fill it first.
    evaluateDataLoss: async (params) => {
      await diagnose(params);
      return engine.evaluateDataLoss(params);
    },
    createMigration: async (params) => {
      await diagnose(params);
      return engine.createMigration(params);
    },
  };

  async function handle({ id, method, params }) {
    try {
      let result;
      if (methods[method]) result = await methods[method](params);
      else if (typeof engine[method] === 'function' && method !== 'free') result = await engine[method](params);
      else return send({ id, error: { code: -32601, message: `Method not found: ${method}` } });
      send({ id, result: result ?? {} });
    } catch (err) {
      const isPanic = err instanceof WebAssembly.RuntimeError;
      const message = (isPanic && panicMessage) || (err?.message ?? String(err));
      log('ERROR', message);
      send({
        id,
        error: { code: 4466, message: 'An error happened. Check the data field for details.', data: { is_panic: isPanic, message, error_code: err?.code, meta: err?.meta } },
      });
    }
  }

  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined && pendingCalls.has(message.id)) {
      pendingCalls.get(message.id)(message.result);
      pendingCalls.delete(message.id);
    } else {
      void handle(message);
    }
  });
  input.on('close', shutdown);
}

const { values, positionals } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: {
    version: { type: 'boolean', short: 'V' },
    datamodels: { type: 'string', multiple: true },
    datasource: { type: 'string' },
    // Accepted and ignored: the WASM engine reads preview features from the schema itself.
    'enabled-preview-features': { type: 'string' },
    'extension-types': { type: 'string' },
  },
});
const datasource = values.datasource ? JSON.parse(values.datasource) : {};
datasource.url ??= process.env.DATABASE_URL;

if (values.version) {
  console.log(`schema-engine-cli ${(await loadWasm()).version()}`);
} else if (positionals[0] === 'cli') {
  await oneShot(positionals[1], datasource.url);
} else {
  const adapterFactory = new EngineAdapterFactory(datasource.url, datasource.shadowDatabaseUrl);
  const shutdown = () => adapterFactory.dropAllShadowDatabases().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  rpcServer(await loadEngine(values.datamodels ?? [], adapterFactory), datasource, shutdown);
}
