import http from 'node:http';
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { applyMigrations } from '../../prisma/migrate';
import { createApp } from '../../api/app';
import { resolvePolicy, type PolicyFile } from '../../domain/policy';
import { calendarData } from '../../domain/official-calendar';
import { createWorker } from '../../scripts/runtime/worker';
import { seedReferenceData, seedDemoKeys } from '../../scripts/runtime/seed';
import { createTestDatabase } from './db';
import { startSmtpReceiver, startWebhookReceiver } from './receivers';

export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

export interface TestService {
  baseUrl: string;
  /** Every e-mail the service sent, as the SMTP receiver got it. */
  smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  /** Every webhook the service sent (signatures checked with TEST_WEBHOOK_SECRET). */
  hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Stops the worker only (to test what happens while it is away); `startWorker` brings it back. */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

let runtimeInstalled = false;
/** Worker logs only warnings and errors in tests. */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { forward: {}, filter: 'ERROR' } } });
}

/** A seconds-scale policy: a whole case runs in a test. */
export const FAST_POLICY: PolicyFile = {
  review: 'PT20S',
  sign: 'PT20S',
  handling: 'PT30S',
  handlingMax: 'PT90S',
  feedback: 'PT20S',
  reminderLead: 'PT5S',
  escalationStep: 'PT5S',
};

/**
 * The real service for one test file: its own database, its own task queue and worker on the run's
 * Temporal server, and the real HTTP app on a free port.
 */
export async function startTestService(name: string, policy: PolicyFile = FAST_POLICY, opts: { rateLimitPerMinute?: number } = {}): Promise<TestService> {
  quietRuntime();
  const db = await createTestDatabase(name);
  await applyMigrations(db.url);
  const prisma = createPrisma(db.url);
  await seedReferenceData(prisma);
  await seedDemoKeys(prisma);

  const smtp = await startSmtpReceiver();
  const hooks = await startWebhookReceiver(TEST_WEBHOOK_SECRET);
  const address = process.env.TEMPORAL_TEST_ADDRESS!;
  const namespace = process.env.TEMPORAL_TEST_NAMESPACE ?? 'default';
  const taskQueue = `${name}-${crypto.randomBytes(4).toString('hex')}`;
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace });

  let worker: Awaited<ReturnType<typeof createWorker>> | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async () => {
    worker = await createWorker({
      address,
      namespace,
      taskQueue,
      prisma,
      smtpUrl: smtp.url,
      webhookSecret: TEST_WEBHOOK_SECRET,
      // Retries in seconds, not minutes, so a failing receiver is given up on within a test.
      delivery: { baseDelayMs: 200, maxDelayMs: 2000, maxAttempts: 5, claimTtlMs: 10_000, timeoutMs: 2000 },
    });
    running = worker.worker.run();
  };
  const stopWorker = async () => {
    if (!worker) return;
    worker.worker.shutdown();
    await running;
    await worker.connection.close();
    worker = undefined;
  };
  await startWorker();

  const app = safely(stopWorker, () => createApp({ prisma, temporal, taskQueue, policy: resolvePolicy(policy), calendar: calendarData(2025, 2028), logLevel: 'silent', rateLimitPerMinute: opts.rateLimitPerMinute }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    smtp,
    hooks,
    prisma,
    temporal,
    taskQueue,
    stopWorker,
    startWorker,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopWorker();
      await connection.close();
      await prisma.$disconnect();
      await smtp.close();
      await hooks.close();
      await db.drop();
    },
  };
}

/** A small HTTP client for tests: real requests over the loopback. */
export function apiClient(baseUrl: string) {
  return async function call(method: string, path: string, opts: { key?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {}) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  };
}

/** Polls until `check` passes or the time is up; returns the last value. */
export async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await probe();
  }
  return value;
}

/** Runs a set-up step; if it throws, undoes what was started so jest is not left with a polling worker. */
function safely<T>(undo: () => Promise<void>, step: () => T): T {
  try {
    return step();
  } catch (err) {
    void undo();
    throw err;
  }
}
