import path from 'node:path';
import { loadConfig } from './runtime/config';
import { EMBEDDED_DATABASE, startEmbeddedPostgres } from './runtime/postgres';
import { assertPortFree } from './runtime/ports';
import { resolveTemporalSource, startTemporal } from './runtime/temporal';
import { connectDatabase, onWorkerStarted, runApi, runMain, runWorker } from './runtime/service';
import { seedDemoKeys, seedReferenceData } from './runtime/seed';
import { ensureWebBuilt } from './runtime/web-build';

/** Everything on one machine: PostgreSQL and Temporal (embedded unless configured), worker and API. */
runMain('the complaint service', async (stoppers, log) => {
  const started = Date.now();
  const config = loadConfig();
  // Check every port before starting anything, so a conflict is one line and nothing is left running.
  await assertPortFree(config.PORT, 'API (PORT)');
  if (!config.DATABASE_URL) await assertPortFree(config.EMBEDDED_PG_PORT, 'embedded PostgreSQL (EMBEDDED_PG_PORT)');
  if (!config.TEMPORAL_ADDRESS) {
    await assertPortFree(config.TEMPORAL_PORT, 'Temporal dev server (TEMPORAL_PORT)');
    await assertPortFree(config.TEMPORAL_UI_PORT, 'Temporal Web UI (TEMPORAL_UI_PORT)');
  }

  ensureWebBuilt(log);
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log(`Starting embedded PostgreSQL (data in ${path.join(config.DATA_DIR, 'postgres')})…`);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(config.DATA_DIR, 'postgres'), port: config.EMBEDDED_PG_PORT, database: EMBEDDED_DATABASE, persistent: true });
    stoppers.push({ name: 'embedded PostgreSQL', stop: pg.stop });
    databaseUrl = pg.url;
  }

  const source = resolveTemporalSource({ address: config.TEMPORAL_ADDRESS, cliPath: config.TEMPORAL_CLI_PATH, cacheDir: config.CACHE_DIR, log });
  if (source.kind !== 'external') log(`Starting the Temporal dev server (state in ${path.join(config.DATA_DIR, 'temporal.sqlite')})…`);
  const temporal = await startTemporal(source, {
    namespace: config.TEMPORAL_NAMESPACE,
    port: config.TEMPORAL_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    dbFile: path.join(config.DATA_DIR, 'temporal.sqlite'),
    log,
  });
  stoppers.push({ name: 'Temporal', stop: temporal.stop });

  const prisma = await connectDatabase(databaseUrl, log, stoppers);
  await seedReferenceData(prisma);
  const demoKeys = config.DATABASE_URL ? [] : await seedDemoKeys(prisma);
  await runWorker(config, temporal.address, prisma, stoppers);
  await onWorkerStarted(config, temporal.address, prisma, log);
  await runApi(config, temporal.address, prisma, stoppers);

  const base = `http://localhost:${config.PORT}`;
  log('');
  log(`SME payment complaint service is ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  log(`  Web app      ${base}/`);
  log(`  API          ${base}/api/v1`);
  log(`  API docs     ${base}/docs`);
  log(`  Health       ${base}/healthz   ${base}/readyz`);
  log(`  Temporal UI  ${temporal.uiUrl ?? `(external cluster at ${temporal.address})`}`);
  if (demoKeys.length) {
    log('  Demo API keys (Authorization: Bearer <key>):');
    for (const k of demoKeys) log(`    ${k.role.padEnd(12)} ${k.key.padEnd(24)} ${k.label}`);
  }
  log('Press Ctrl-C to stop.');
});
