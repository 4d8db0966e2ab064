import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../../api/app';
import { calendarData } from '../../../domain/official-calendar';
import { resolvePolicy } from '../../../domain/policy';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { applyMigrations } from '../../../prisma/migrate';
import { seedDemoKeys, seedReferenceData } from '../../../scripts/runtime/seed';
import { createTestDatabase } from '../../support/db';
import { KEYS, exampleComplaint } from '../../support/fixtures';
import { startSmtpReceiver, startWebhookReceiver } from '../../support/receivers';
import { apiClient, eventually } from '../../support/service';

const root = path.resolve(__dirname, '../../..');
const SECRET = 'test-webhook-secret-0123456789';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let connection: Connection;
let server: http.Server;
const taskQueue = `worker-killed-${process.pid}-${Date.now()}`;

function startWorker(): ChildProcess {
  // Node runs the worker itself (tsx as a loader, not a wrapper process), so SIGKILL reaches the worker.
  return spawn(process.execPath, ['--import', 'tsx', 'tests/support/worker-process.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url, TEMPORAL_ADDRESS: process.env.TEMPORAL_TEST_ADDRESS!, TEMPORAL_TASK_QUEUE: taskQueue, SMTP_URL: smtp.url, WEBHOOK_SECRET: SECRET },
    stdio: 'ignore',
  });
}

beforeAll(async () => {
  db = await createTestDatabase('worker_killed');
  await applyMigrations(db.url);
  prisma = createPrisma(db.url);
  await seedReferenceData(prisma);
  await seedDemoKeys(prisma);
  smtp = await startSmtpReceiver();
  hooks = await startWebhookReceiver(SECRET);
  await prisma.unit.update({ where: { id: 'fcg-office' }, data: { contacts: { webhookUrl: `${hooks.url}/office` } } });
  await prisma.unit.update({ where: { id: 'gov-450621' }, data: { contacts: { webhookUrl: `${hooks.url}/unit`, email: 'shangsi@fcg.example' } } });
  connection = await Connection.connect({ address: process.env.TEMPORAL_TEST_ADDRESS! });
  const app = createApp({ prisma, temporal: new Client({ connection }), taskQueue, policy: resolvePolicy({}), calendar: calendarData(2025, 2028), logLevel: 'silent' });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await connection?.close();
  await prisma?.$disconnect();
  await smtp?.close();
  await hooks?.close();
  await db?.drop();
});

test('a worker killed in the middle of its deliveries, and another started, leaves every delivery received under its one id', async () => {
  const call = apiClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  let worker = startWorker();
  try {
    const complaint = exampleComplaint({ contractTitle: 'worker killed' });
    complaint.complainant.webhookUrl = `${hooks.url}/enterprise`;
    const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: complaint });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    // A slow receiver keeps the worker busy sending, one delivery at a time…
    hooks.slow(800);
    expect((await call('POST', `/api/v1/complaints/${id}/review`, { key: KEYS.office, body: { decision: 'accept' } })).body.status).toBe('forwarded');
    const total = await prisma.delivery.count({ where: { caseId: id, channel: { in: ['email', 'webhook'] } } });
    await eventually(async () => hooks.hooks.length, (n) => n >= 2);
    expect(hooks.hooks.length).toBeLessThan(total);

    // …and is killed outright, mid-send: no drain, no clean-up.
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    hooks.slow(0);
    worker = startWorker();

    const rows = await eventually(
      () => prisma.delivery.findMany({ where: { caseId: id, channel: { in: ['email', 'webhook'] } } }),
      (all) => all.length === total && all.every((r) => r.status === 'sent'),
      60_000,
    );
    expect(rows.every((r) => r.status === 'sent')).toBe(true);

    // Every delivery reached its receiver; a message sent twice (the kill came between sending and
    // recording it) carries the same id and the same content, so the receiver sees one message.
    const messages = [...hooks.hooks.map((h) => ({ id: h.deliveryId, content: JSON.stringify(h.body) })), ...smtp.mails.map((m) => ({ id: m.deliveryId, content: m.subject + m.text }))];
    expect(messages.every((m) => m.id.startsWith('dlv-'))).toBe(true);
    const byId = new Map<string, Set<string>>();
    for (const m of messages) byId.set(m.id, (byId.get(m.id) ?? new Set()).add(m.content));
    expect([...byId.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    expect([...byId.values()].every((contents) => contents.size === 1)).toBe(true);

    // The case itself went on as if nothing had happened.
    const shown = await call('GET', `/api/v1/complaints/${id}`, { key: KEYS.office });
    expect(shown.body.status).toBe('forwarded');
    expect(shown.body.notifications.filter((n: { channel: string }) => n.channel !== 'none').every((n: { status: string }) => n.status === 'sent')).toBe(true);
  } finally {
    worker.kill('SIGKILL');
  }
});
