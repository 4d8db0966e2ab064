import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../scripts/runtime/config';
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/runtime/postgres';
import { resolveTemporalSource, startTemporal, type RunningTemporal } from '../../scripts/runtime/temporal';
import { freePort } from '../../scripts/runtime/ports';

/**
 * One PostgreSQL and one Temporal dev server for the whole integration run. Each test file makes its own
 * database and task queue, so files stay isolated while sharing the servers.
 */
export interface TestServices {
  postgres?: RunningPostgres;
  temporal: RunningTemporal;
  pgDir?: string;
}

declare global {
  var __testServices: TestServices | undefined;
}

export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[test services] ${line}\n`);
  const config = loadConfig();

  let postgres: RunningPostgres | undefined;
  let pgDir: string | undefined;
  if (config.DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = config.DATABASE_URL;
  } else {
    pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'complaints-test-pg-'));
    // As root, PostgreSQL runs as a separate user that must be able to enter the directory.
    fs.chmodSync(pgDir, 0o755);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(pgDir, 'data'), port: await freePort(), database: 'postgres', persistent: false });
    process.env.TEST_PG_ADMIN_URL = postgres.url;
  }

  const source = resolveTemporalSource({ address: config.TEMPORAL_ADDRESS, cliPath: config.TEMPORAL_CLI_PATH, cacheDir: config.CACHE_DIR, log });
  const temporal = await startTemporal(source, { namespace: config.TEMPORAL_NAMESPACE, port: await freePort(), log });
  process.env.TEMPORAL_TEST_ADDRESS = temporal.address;
  process.env.TEMPORAL_TEST_NAMESPACE = temporal.namespace;
  globalThis.__testServices = { postgres, temporal, pgDir };
}
