import { loadConfig } from './runtime/config';
import { startTemporal } from './runtime/temporal';
import { connectDatabase, runApi, runMain } from './runtime/service';
import { ensureWebBuilt } from './runtime/web-build';

/** Production: the HTTP API alone, against an external Temporal cluster and PostgreSQL. */
runMain('the API', async (stoppers, log) => {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required for npm run api (use npm start for the embedded setup)');
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is required for npm run api (use npm start for the embedded setup)');
  await startTemporal({ kind: 'external', address: config.TEMPORAL_ADDRESS }, { namespace: config.TEMPORAL_NAMESPACE, port: 0, log });
  ensureWebBuilt(log);
  const prisma = await connectDatabase(config.DATABASE_URL, log, stoppers);
  await runApi(config, config.TEMPORAL_ADDRESS, prisma, stoppers);
  log(`API listening on http://localhost:${config.PORT}/api/v1 (web app at http://localhost:${config.PORT}/)`);
});
