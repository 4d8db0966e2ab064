import { loadConfig } from './runtime/config';
import { startTemporal } from './runtime/temporal';
import { connectDatabase, onWorkerStarted, runMain, runWorker } from './runtime/service';
import { seedReferenceData } from './runtime/seed';

/** Production: the Temporal worker alone, against an external Temporal cluster and PostgreSQL. */
runMain('the worker', async (stoppers, log) => {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required for npm run worker (use npm start for the embedded setup)');
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is required for npm run worker (use npm start for the embedded setup)');
  // Checks the cluster answers and registers missing search attributes.
  await startTemporal({ kind: 'external', address: config.TEMPORAL_ADDRESS }, { namespace: config.TEMPORAL_NAMESPACE, port: 0, log });
  const prisma = await connectDatabase(config.DATABASE_URL, log, stoppers);
  await seedReferenceData(prisma);
  await runWorker(config, config.TEMPORAL_ADDRESS, prisma, stoppers);
  await onWorkerStarted(config, config.TEMPORAL_ADDRESS, prisma, log);
  log(`Worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE}).`);
});
