import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { caseSearchAttributes } from '../../workflows/search-attributes';
import { TEMPORAL_CLI_VERSION } from './config';
import { assertPortFree } from './ports';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

/**
 * Where Temporal comes from, in this order: TEMPORAL_ADDRESS (an external cluster) → TEMPORAL_CLI_PATH →
 * `temporal` on the PATH → our cached build → `go install` of the pinned CLI → the SDK's own download.
 */
export type TemporalSource =
  | { kind: 'external'; address: string }
  | { kind: 'binary'; path: string; origin: 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go install' }
  | { kind: 'sdk-download' };

export interface RunningTemporal {
  address: string;
  namespace: string;
  /** Web UI address, when we started a dev server with its UI. */
  uiUrl?: string;
  source: TemporalSource;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

export function cachedCliPath(cacheDir: string): string {
  return path.join(cacheDir, 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

export function findTemporalBinary(opts: { cliPath?: string; cacheDir: string }): TemporalSource | undefined {
  if (opts.cliPath) {
    if (!isExecutable(opts.cliPath)) throw new Error(`TEMPORAL_CLI_PATH: no executable at ${opts.cliPath}`);
    return { kind: 'binary', path: opts.cliPath, origin: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'temporal'))
    .find(isExecutable);
  if (onPath) return { kind: 'binary', path: onPath, origin: 'PATH' };
  const cached = cachedCliPath(opts.cacheDir);
  if (isExecutable(cached)) return { kind: 'binary', path: cached, origin: 'cache' };
  return undefined;
}

/** Builds the pinned CLI from the Go module proxy into the cache; takes a few minutes the first time. */
export function buildTemporalCli(cacheDir: string, log: Log): string | undefined {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) {
    log('Go is not installed, so the Temporal CLI cannot be built here.');
    return undefined;
  }
  const target = cachedCliPath(cacheDir);
  const bin = path.dirname(target);
  fs.mkdirSync(bin, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go.stdout.trim()} into ${bin} (first run only; takes a few minutes)…`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  …still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
  try {
    const built = spawnSync('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: bin, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (built.status !== 0 || !isExecutable(target)) {
      log(`go install of the Temporal CLI failed (exit ${built.status}).`);
      return undefined;
    }
  } finally {
    clearInterval(ticker);
  }
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s.`);
  return target;
}

export function resolveTemporalSource(opts: { address?: string; cliPath?: string; cacheDir: string; log: Log }): TemporalSource {
  if (opts.address) return { kind: 'external', address: opts.address };
  const found = findTemporalBinary(opts);
  if (found) return found;
  const built = buildTemporalCli(opts.cacheDir, opts.log);
  if (built) return { kind: 'binary', path: built, origin: 'go install' };
  return { kind: 'sdk-download' };
}

export interface DevServerOptions {
  namespace: string;
  port: number;
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; in memory when omitted. */
  dbFile?: string;
  log: Log;
}

const devServerArgs = (o: DevServerOptions): string[] => [
  '--namespace', o.namespace,
  '--ip', '127.0.0.1',
  '--log-format', 'json',
  '--log-level', 'error',
  '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
  '--dynamic-config-value', 'frontend.enableExecuteMultiOperation=true',
  '--dynamic-config-value', 'frontend.workerVersioningDataAPIs=true',
];

/** Starts (or connects to) Temporal and makes sure the search attributes the workflows need exist. */
export async function startTemporal(source: TemporalSource, opts: DevServerOptions): Promise<RunningTemporal> {
  let running: RunningTemporal;
  if (source.kind === 'external') {
    running = { address: source.address, namespace: opts.namespace, source, stop: async () => undefined };
    await waitForTemporal(source.address, 10_000).catch((err: Error) => {
      throw new Error(`TEMPORAL_ADDRESS ${source.address} does not answer (${err.message}); check the address or start the cluster`);
    });
  } else if (source.kind === 'binary') {
    running = await spawnDevServer(source, opts);
  } else {
    opts.log('No Temporal CLI found or buildable; letting @temporalio/testing download the dev server (needs internet).');
    const env = await TestWorkflowEnvironment.createLocal({
      server: { namespace: opts.namespace, port: opts.port, ui: opts.uiPort !== undefined, uiPort: opts.uiPort, dbFilename: opts.dbFile },
    });
    const address = `127.0.0.1:${opts.port}`;
    running = {
      address,
      namespace: opts.namespace,
      uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : undefined,
      source,
      stop: () => env.teardown(),
    };
  }
  await ensureSearchAttributes(running.address, running.namespace);
  return running;
}

async function spawnDevServer(source: Extract<TemporalSource, { kind: 'binary' }>, opts: DevServerOptions): Promise<RunningTemporal> {
  await assertPortFree(opts.port, 'Temporal dev server (TEMPORAL_PORT)');
  if (opts.uiPort) await assertPortFree(opts.uiPort, 'Temporal Web UI (TEMPORAL_UI_PORT)');
  const args = ['server', 'start-dev', '--port', String(opts.port), ...devServerArgs(opts)];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  const child = spawn(source.path, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const address = `127.0.0.1:${opts.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Temporal dev server exited with code ${code}: ${stderr.trim().split('\n').pop() ?? ''}`))),
  );
  try {
    await Promise.race([waitForTemporal(address, 60_000), exited]);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  exited.catch(() => undefined);
  return {
    address,
    namespace: opts.namespace,
    uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : undefined,
    source,
    stop: () => stopChild(child),
  };
}

export async function waitForTemporal(address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} not ready after ${timeoutMs} ms: ${(lastError as Error | undefined)?.message ?? 'no answer'}`);
}

/** Registers the case search attributes when missing, so listing by status or unit works from the first case. */
export async function ensureSearchAttributes(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const known = new Set(Object.keys(existing.customAttributes ?? {}));
    const missing = caseSearchAttributes.filter((k) => !known.has(k.name));
    if (missing.length === 0) return;
    const types: Record<string, temporal.api.enums.v1.IndexedValueType> = {
      KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
      DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
    };
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, types[k.type] ?? IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
    });
  } finally {
    await connection.close();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
