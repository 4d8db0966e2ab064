import http from 'node:http';
import { Client, Connection } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { NativeConnection } from '@temporalio/worker';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { applyMigrations } from '../../prisma/migrate';
import { createApp } from '../../api/app';
import { resumeUnstartedCases as resumeCases } from '../../api/intake';
import type { Config } from './config';
import { loadCalendar, loadPolicy } from './case-rules';
import { checkPostgres, redactUrl } from './postgres';
import { assertPortFree } from './ports';
import { createWorker } from './worker';
import { ensureCircularSchedule } from './schedules';

type Log = (line: string) => void;

/** Something started that must be stopped on the way out, in reverse order of starting. */
export type Stopper = { name: string; stop: () => Promise<void> };

export async function connectDatabase(url: string, log: Log, stoppers: Stopper[]): Promise<PrismaClient> {
  await checkPostgres(url).catch((err: Error) => {
    throw new Error(`PostgreSQL at ${redactUrl(url)} does not answer (${err.message}); check DATABASE_URL or start the server`);
  });
  // The migrator names each migration it applies.
  await applyMigrations(url, log);
  const prisma = createPrisma(url);
  stoppers.push({ name: 'database client', stop: () => prisma.$disconnect() });
  return prisma;
}

export async function runWorker(
  config: Config,
  temporalAddress: string,
  prisma: PrismaClient,
  stoppers: Stopper[],
): Promise<{ worker: Worker; connection: NativeConnection; done: Promise<void> }> {
  const { worker, connection } = await createWorker({ address: temporalAddress, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, prisma, smtpUrl: config.SMTP_URL, smsGatewayUrl: config.SMS_GATEWAY_URL, webhookSecret: config.WEBHOOK_SECRET });
  const done = worker.run();
  stoppers.push({
    name: 'worker',
    stop: async () => {
      // Drain: finish the tasks in hand, then let go of the connection.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch(() => undefined);
      await connection.close();
    },
  });
  return { worker, connection, done };
}

/**
 * Once a worker runs: start the workflow of any case whose filing was interrupted before its workflow began,
 * and make sure the monthly circular is scheduled.
 */
export async function onWorkerStarted(config: Config, temporalAddress: string, prisma: PrismaClient, log: Log): Promise<void> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const resumed = await resumeCases({
      prisma,
      temporal,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      policy: loadPolicy(config.POLICY_FILE),
      calendar: loadCalendar(config.CALENDAR_FILE, new Date()),
    });
    if (resumed.length) log(`Started the workflows of ${resumed.length} case(s) whose filing was interrupted: ${resumed.join(', ')}`);
    await ensureCircularSchedule(temporal, config.TEMPORAL_TASK_QUEUE);
  } finally {
    await connection.close();
  }
}

export async function runApi(config: Config, temporalAddress: string, prisma: PrismaClient, stoppers: Stopper[]): Promise<http.Server> {
  const connection = await Connection.connect({ address: temporalAddress });
  stoppers.push({ name: 'Temporal client', stop: () => connection.close() });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({
    prisma,
    temporal,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    policy: loadPolicy(config.POLICY_FILE),
    calendar: loadCalendar(config.CALENDAR_FILE, new Date()),
    logLevel: config.LOG_LEVEL,
  });
  await assertPortFree(config.PORT, 'API (PORT)');
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, resolve);
  });
  stoppers.push({ name: 'API', stop: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return server;
}

export async function stopAll(stoppers: Stopper[], log: Log): Promise<void> {
  for (const s of [...stoppers].reverse()) {
    try {
      await s.stop();
      log(`stopped ${s.name}`);
    } catch (err) {
      log(`could not stop ${s.name} cleanly: ${(err as Error).message}`);
    }
  }
  stoppers.length = 0;
}

/**
 * Runs an entry point: a failure to start is one clear line, not a stack trace; Ctrl-C or SIGTERM
 * stops everything in reverse order and leaves no process behind.
 */
export function runMain(name: string, main: (stoppers: Stopper[], log: Log) => Promise<void>): void {
  const log: Log = (line) => process.stdout.write(`${line}\n`);
  const stoppers: Stopper[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopAll(stoppers, (l) => log(`  ${l}`));
    process.exit(code);
  };
  process.once('SIGINT', () => {
    log(`\nStopping ${name}…`);
    void shutdown(0);
  });
  process.once('SIGTERM', () => void shutdown(0));
  main(stoppers, log).catch((err: Error) => {
    process.stderr.write(`✖ ${name} could not start: ${err.message.split('\n')[0]}\n`);
    if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${err.stack}\n`);
    void shutdown(1);
  });
}
