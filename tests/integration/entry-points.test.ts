import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { apiClient, eventually } from '../support/service';
import { createTestDatabase } from '../support/db';
import { KEYS, exampleComplaint } from '../support/fixtures';
import { freePort } from '../../scripts/runtime/ports';
import { circularScheduleId } from '../../scripts/runtime/schedules';
import { Client, Connection } from '@temporalio/client';
import { createPrisma } from '../../prisma/client';
import { seedDemoKeys } from '../../scripts/runtime/seed';

const root = path.resolve(__dirname, '../..');

function run(script: 'api' | 'worker', env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), `scripts/${script}.ts`], { cwd: root, env: { ...process.env, ...env } });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return { child, output: () => out };
}

async function stop(p: { child: ChildProcess }) {
  if (p.child.exitCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill('SIGTERM');
  await exited;
}

test('npm run api and npm run worker each run one part against external Temporal and PostgreSQL, and together carry a case', async () => {
  const db = await createTestDatabase('entrypoints');
  const port = await freePort();
  const env = {
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_TEST_ADDRESS!,
    TEMPORAL_TASK_QUEUE: `entrypoints-${port}`,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  const worker = run('worker', env);
  const api = run('api', env);
  try {
    await eventually(async () => api.output() + worker.output(), (o) => o.includes('API listening') && o.includes('Worker polling'), 60_000);
    expect(api.output()).toContain(`API listening on http://localhost:${port}/api/v1`);
    expect(worker.output()).toContain(`Worker polling task queue "${env.TEMPORAL_TASK_QUEUE}"`);

    // External databases get no demo keys; make the complainant's and the office's here.
    const prisma = createPrisma(db.url);
    await seedDemoKeys(prisma);
    await prisma.$disconnect();

    const call = apiClient(`http://127.0.0.1:${port}`);
    expect((await call('GET', '/readyz')).status).toBe(200);
    const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'entry points' }) });
    expect(filed.status).toBe(201);
    const accepted = await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
    expect(accepted.body.status).toBe('forwarded');
    // The worker scheduled the monthly circular for its task queue.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    const schedule = new Client({ connection }).schedule.getHandle(circularScheduleId(env.TEMPORAL_TASK_QUEUE));
    expect((await schedule.describe()).action).toMatchObject({ workflowType: 'monthlyCircularWorkflow', taskQueue: env.TEMPORAL_TASK_QUEUE });
    await schedule.delete();
    await connection.close();
  } finally {
    await stop(api);
    await stop(worker);
    await db.drop();
  }
  expect(api.output()).toContain('stopped API');
  expect(worker.output()).toContain('stopped worker');
});

test('the production entry points refuse to start without external servers', async () => {
  for (const script of ['api', 'worker'] as const) {
    const p = run(script, { DATABASE_URL: '', TEMPORAL_ADDRESS: '' });
    const code = await new Promise((resolve) => p.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(p.output().trim()).toBe(`✖ the ${script === 'api' ? 'API' : 'worker'} could not start: DATABASE_URL is required for npm run ${script} (use npm start for the embedded setup)`);
  }
});
