import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createPrisma } from '../../prisma/client';
import { createApp } from '../../api/app';
import { resolvePolicy } from '../../domain/policy';
import { calendarData } from '../../domain/official-calendar';
import { freePort } from '../../scripts/runtime/ports';
import { apiClient, eventually } from '../support/service';
import { createTestDatabase } from '../support/db';
import { KEYS, exampleComplaint } from '../support/fixtures';
import fs from 'node:fs';
import os from 'node:os';

const root = path.resolve(__dirname, '../..');

/** Runs `npm start`'s entry point with the given environment and collects what the operator sees. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('bad configuration stops start-up with one clear line', () => {
  test('a malformed DATABASE_URL', async () => {
    const r = await start({ DATABASE_URL: 'mysql//nope' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^✖ .*DATABASE_URL must look like postgresql:\/\//)]);
  });

  test('an unreachable TEMPORAL_ADDRESS', async () => {
    const port = await freePort();
    const r = await start({ TEMPORAL_ADDRESS: `127.0.0.1:${port}`, DATABASE_URL: process.env.TEST_PG_ADMIN_URL!, PORT: String(await freePort()) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^✖ .*TEMPORAL_ADDRESS 127\\.0\\.0\\.1:${port} does not answer`))]);
  });

  test('a port already in use', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const r = await start({ PORT: String(port) });
    busy.close();
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`✖ the complaint service could not start: API (PORT): port ${port} is already in use; stop what holds it or choose another port`]);
  });
});

describe('/readyz', () => {
  test('answers 200 when PostgreSQL and Temporal answer, and 503 naming what is down', async () => {
    const db = await createTestDatabase('readyz');
    const healthyPrisma = createPrisma(db.url);
    const deadPrisma = createPrisma(`postgresql://postgres:postgres@127.0.0.1:${await freePort()}/nothing`);
    const connection = await Connection.connect({ address: process.env.TEMPORAL_TEST_ADDRESS! });
    const deadConnection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    const rules = { taskQueue: 'readyz', policy: resolvePolicy({}), calendar: calendarData(2026, 2027), logLevel: 'silent' };

    const serve = async (prisma: typeof healthyPrisma, conn: Connection) => {
      const server = http.createServer(createApp({ prisma, temporal: new Client({ connection: conn }), ...rules }));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, call: apiClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`) };
    };

    const healthy = await serve(healthyPrisma, connection);
    const ok = await healthy.call('GET', '/readyz');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('ready');
    expect((await healthy.call('GET', '/healthz')).status).toBe(200);

    const noDb = await serve(deadPrisma, connection);
    const down = await noDb.call('GET', '/readyz');
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable: postgresql');
    expect((await noDb.call('GET', '/healthz')).status).toBe(200);

    const noTemporal = await serve(healthyPrisma, deadConnection);
    const down2 = await noTemporal.call('GET', '/readyz');
    expect(down2.status).toBe(503);
    expect(down2.body.status).toBe('unavailable: temporal');

    for (const s of [healthy, noDb, noTemporal]) s.server.close();
    await Promise.all([healthyPrisma.$disconnect(), deadPrisma.$disconnect(), connection.close(), deadConnection.close()]);
    await db.drop();
  });
});

describe('npm start', () => {
  test('comes up on embedded defaults, prints where to go, keeps cases across a restart, and Ctrl-C leaves no process behind', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'complaints-start-'));
    fs.chmodSync(dataDir, 0o755);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      LOG_LEVEL: 'warn',
    };

    const run = async () => {
      const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, ...env }, detached: true });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      const deadline = Date.now() + 90_000;
      while (!out.includes('Press Ctrl-C to stop.') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
      return { child, output: () => out };
    };
    const stop = async (child: ReturnType<typeof spawn>) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGINT'); // what Ctrl-C does: the whole foreground process group
      await exited;
    };
    const leftovers = () =>
      fs
        .readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .map((p) => {
          try {
            return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
          } catch {
            return '';
          }
        })
        .filter((cmd) => cmd.includes(dataDir) || cmd.includes(`--port\u0000${env.TEMPORAL_PORT}`));

    const first = await run();
    expect(first.output()).toContain(`Web app      http://localhost:${env.PORT}/`);
    expect(first.output()).toContain(`API          http://localhost:${env.PORT}/api/v1`);
    expect(first.output()).toContain(`Temporal UI  http://127.0.0.1:${env.TEMPORAL_UI_PORT}`);
    expect(first.output()).toMatch(/complainant\s+demo-complainant-key/);
    const call = apiClient(`http://127.0.0.1:${env.PORT}`);
    expect((await call('GET', '/readyz')).status).toBe(200);
    const page = await fetch(`http://127.0.0.1:${env.PORT}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'survives a restart' }) });
    expect(filed.status).toBe(201);
    await stop(first.child);
    // npm may return before the service has finished stopping; everything must be gone shortly after.
    await eventually(async () => first.output(), (o) => o.includes('stopped embedded PostgreSQL'), 30_000);
    expect(await eventually(async () => leftovers(), (l) => l.length === 0, 30_000)).toEqual([]);

    const second = await run();
    const again = await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.office });
    expect(again.body.caseNumber).toBe(filed.body.caseNumber);
    const accepted = await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
    expect(accepted.body.status).toBe('forwarded');
    await stop(second.child);
    await eventually(async () => second.output(), (o) => o.includes('stopped embedded PostgreSQL'), 30_000);
    expect(await eventually(async () => leftovers(), (l) => l.length === 0, 30_000)).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 240_000);
});
