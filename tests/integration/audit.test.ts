import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { auditResultSchema, verifyAuditTrail } from '../../activities/audit';
import { createActivities } from '../../activities/index';
import { GENESIS_HASH, canonicalJson, eventHash } from '../../activities/projection';
import { auditRoutes } from '../../api/audit';
import { authenticate } from '../../api/auth';
import { errorMiddleware } from '../../api/errors';
import { complaintSchema } from '../../domain/complaint';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { applyMigrations } from '../../prisma/migrate';
import { caseViewQuery } from '../../workflows/messages';
import { createTestDatabase } from '../support/db';
import { KEYS, exampleComplaint } from '../support/fixtures';
import { apiClient, eventually, startTestService, type TestService } from '../support/service';

const root = path.resolve(__dirname, '../..');

let service: TestService;
let call: ReturnType<typeof apiClient>;
/** A complaint the office accepted and the unit signed for. */
let signedId: string;
/** A complaint only filed. */
let filedId: string;
let totalEvents: number;

/** The case's timeline once the read model has caught up with the workflow. */
async function projectedTimelineLength(id: string): Promise<number> {
  const view = await service.temporal.workflow.getHandle(id).query(caseViewQuery);
  const row = await eventually(
    () => service.prisma.case.findUniqueOrThrow({ where: { id } }),
    (r) => r.projectedSeq === view.seq,
  );
  expect(row.projectedSeq).toBe(view.seq);
  return view.timeline.length;
}

/** Alters the stored trail, checks what verification reports, and puts the rows back as they were. */
async function whileTampered(tamper: (prisma: PrismaClient) => Promise<unknown>, restore: (prisma: PrismaClient) => Promise<unknown>, check: () => Promise<void>): Promise<void> {
  await tamper(service.prisma);
  try {
    await check();
  } finally {
    await restore(service.prisma);
  }
  expect(await verifyAuditTrail(service.prisma)).toEqual({ ok: true, cases: 2, events: totalEvents });
}

beforeAll(async () => {
  // Statutory (days-long) deadlines: nothing fires on its own while rows are being altered.
  service = await startTestService('audit', {});
  call = apiClient(service.baseUrl);

  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'audit: signed' }) });
  expect(filed.status).toBe(201);
  signedId = filed.body.id;
  expect((await call('POST', `/api/v1/complaints/${signedId}/review`, { key: KEYS.office, body: { decision: 'accept' } })).body.status).toBe('forwarded');
  expect((await call('POST', `/api/v1/complaints/${signedId}/sign`, { key: KEYS.unit450621 })).body.status).toBe('handling');

  const other = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'audit: only filed' }) });
  expect(other.status).toBe(201);
  filedId = other.body.id;

  totalEvents = (await projectedTimelineLength(signedId)) + (await projectedTimelineLength(filedId));
});
afterAll(() => service?.close());

test('the trail the service wrote for filing, acceptance and signing verifies intact', async () => {
  const signedEvents = await service.prisma.caseEvent.count({ where: { caseId: signedId } });
  expect(signedEvents).toBeGreaterThanOrEqual(4);
  expect(await verifyAuditTrail(service.prisma)).toEqual({ ok: true, cases: 2, events: totalEvents });
  expect(await verifyAuditTrail(service.prisma, { caseId: signedId })).toEqual({ ok: true, cases: 1, events: signedEvents });
});

describe('an altered row is named as the first broken link', () => {
  const seq = 2;

  test('a payload edited in place → payload altered at that event', async () => {
    const row = await service.prisma.caseEvent.findUniqueOrThrow({ where: { caseId_seq: { caseId: signedId, seq } } });
    await whileTampered(
      (db) => db.$executeRaw`update case_events set payload = payload || '{"note":"edited afterwards"}'::jsonb where id = ${row.id}`,
      (db) => db.$executeRaw`update case_events set payload = ${JSON.stringify(row.payload)}::jsonb where id = ${row.id}`,
      async () => {
        expect(await verifyAuditTrail(service.prisma)).toEqual({
          ok: false,
          firstBroken: { caseId: signedId, seq, eventId: row.id.toString(), problem: 'payload altered', detail: expect.any(String) },
        });
      },
    );
  });

  test('a middle event deleted → sequence gap at the missing seq', async () => {
    await whileTampered(
      async (db) => {
        await db.$executeRaw`create table audit_test_removed (like case_events)`;
        await db.$executeRaw`insert into audit_test_removed select * from case_events where case_id = ${signedId} and seq = ${seq}`;
        await db.$executeRaw`delete from case_events where case_id = ${signedId} and seq = ${seq}`;
      },
      async (db) => {
        await db.$executeRaw`insert into case_events select * from audit_test_removed`;
        await db.$executeRaw`drop table audit_test_removed`;
      },
      async () => {
        expect(await service.prisma.caseEvent.count({ where: { caseId: signedId, seq } })).toBe(0);
        expect(await verifyAuditTrail(service.prisma)).toEqual({
          ok: false,
          firstBroken: { caseId: signedId, seq, eventId: null, problem: 'sequence gap', detail: `event ${seq} is missing; the next stored event is ${seq + 1}` },
        });
      },
    );
  });

  test('a stored hash overwritten → hash mismatch at that event', async () => {
    const row = await service.prisma.caseEvent.findUniqueOrThrow({ where: { caseId_seq: { caseId: signedId, seq } } });
    await whileTampered(
      (db) => db.$executeRaw`update case_events set hash = ${'f'.repeat(64)} where id = ${row.id}`,
      (db) => db.$executeRaw`update case_events set hash = ${row.hash} where id = ${row.id}`,
      async () => {
        expect(await verifyAuditTrail(service.prisma)).toMatchObject({ ok: false, firstBroken: { caseId: signedId, seq, eventId: row.id.toString(), problem: 'hash mismatch' } });
      },
    );
  });

  test('the actor rewritten → hash mismatch; a re-pointed previous hash → chain broken', async () => {
    const row = await service.prisma.caseEvent.findUniqueOrThrow({ where: { caseId_seq: { caseId: signedId, seq } } });
    await whileTampered(
      (db) => db.$executeRaw`update case_events set actor = 'someone-else' where id = ${row.id}`,
      (db) => db.$executeRaw`update case_events set actor = ${row.actor} where id = ${row.id}`,
      async () => {
        expect(await verifyAuditTrail(service.prisma)).toMatchObject({ ok: false, firstBroken: { caseId: signedId, seq, problem: 'hash mismatch' } });
      },
    );
    await whileTampered(
      (db) => db.$executeRaw`update case_events set prev_hash = ${'0'.repeat(64)} where id = ${row.id}`,
      (db) => db.$executeRaw`update case_events set prev_hash = ${row.prevHash} where id = ${row.id}`,
      async () => {
        expect(await verifyAuditTrail(service.prisma)).toMatchObject({ ok: false, firstBroken: { caseId: signedId, seq, problem: 'chain broken' } });
      },
    );
  });

  test('the latest event deleted → events missing, because the case still counts it', async () => {
    const last = await service.prisma.caseEvent.findFirstOrThrow({ where: { caseId: filedId }, orderBy: { seq: 'desc' } });
    await whileTampered(
      async (db) => {
        await db.$executeRaw`create table audit_test_removed (like case_events)`;
        await db.$executeRaw`insert into audit_test_removed select * from case_events where id = ${last.id}`;
        await db.$executeRaw`delete from case_events where id = ${last.id}`;
      },
      async (db) => {
        await db.$executeRaw`insert into case_events select * from audit_test_removed`;
        await db.$executeRaw`drop table audit_test_removed`;
      },
      async () => {
        expect(await verifyAuditTrail(service.prisma)).toMatchObject({ ok: false, firstBroken: { caseId: filedId, seq: last.seq, eventId: null, problem: 'events missing' } });
      },
    );
  });
});

test('GET /api/v1/audit/verify answers the office and admin with the same result, and refuses others', async () => {
  // The router as the app mounts it, over real HTTP and the service's database.
  const app = express();
  const api = express.Router();
  api.use(authenticate(service.prisma));
  api.use('/audit', auditRoutes(service.prisma));
  app.use('/api/v1', api);
  app.use(errorMiddleware({ error: () => undefined }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const audit = apiClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  try {
    for (const key of [KEYS.office, KEYS.admin]) {
      const all = await audit('GET', '/api/v1/audit/verify', { key });
      expect(all).toMatchObject({ status: 200, body: { ok: true, cases: 2, events: totalEvents } });
      expect(auditResultSchema.safeParse(all.body).success).toBe(true);
    }
    const one = await audit('GET', `/api/v1/audit/verify?caseId=${filedId}`, { key: KEYS.office });
    expect(one.body).toEqual({ ok: true, cases: 1, events: await service.prisma.caseEvent.count({ where: { caseId: filedId } }) });

    const row = await service.prisma.caseEvent.findUniqueOrThrow({ where: { caseId_seq: { caseId: signedId, seq: 2 } } });
    await whileTampered(
      (db) => db.$executeRaw`update case_events set hash = ${'e'.repeat(64)} where id = ${row.id}`,
      (db) => db.$executeRaw`update case_events set hash = ${row.hash} where id = ${row.id}`,
      async () => {
        const broken = await audit('GET', '/api/v1/audit/verify', { key: KEYS.office });
        expect(broken.status).toBe(200);
        expect(broken.body).toEqual({ ok: false, firstBroken: { caseId: signedId, seq: 2, eventId: row.id.toString(), problem: 'hash mismatch', detail: expect.any(String) } });
        expect(auditResultSchema.safeParse(broken.body).success).toBe(true);
      },
    );

    expect((await audit('GET', '/api/v1/audit/verify', { key: KEYS.unit450621 })).status).toBe(403);
    expect((await audit('GET', '/api/v1/audit/verify', { key: KEYS.complainant })).status).toBe(403);
    expect((await audit('GET', '/api/v1/audit/verify')).status).toBe(401);
    const missing = await audit('GET', '/api/v1/audit/verify?caseId=no-such-case', { key: KEYS.office });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await audit('GET', '/api/v1/audit/verify?caseId=', { key: KEYS.office })).status).toBe(400);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('npm run audit:verify exits 0 on an intact trail and 1 naming the first broken link after tampering', async () => {
  // The same case, projected by the real projection activity into a database this test controls.
  const db = await createTestDatabase('audit_cli');
  await applyMigrations(db.url);
  const own = createPrisma(db.url);
  const verify = (args: string[] = []) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/audit-verify.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: db.url },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  try {
    const row = await service.prisma.case.findUniqueOrThrow({ where: { id: signedId } });
    const complaint = complaintSchema.parse(row.complaint);
    await own.case.create({ data: { ...row, complaint, detail: {}, projectedSeq: 0 } });
    const view = await service.temporal.workflow.getHandle(signedId).query(caseViewQuery);
    await createActivities({ prisma: own }).projectCase({ view, complaint });

    const intact = await verify();
    expect(intact).toEqual({ code: 0, stderr: '', stdout: `Audit trail intact: 1 case(s), ${view.timeline.length} event(s) verified\n` });

    const event = await own.caseEvent.findUniqueOrThrow({ where: { caseId_seq: { caseId: signedId, seq: 3 } } });
    await own.$executeRaw`update case_events set payload = '{"unitId":"gov-450602"}'::jsonb where id = ${event.id}`;
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('');
    expect(broken.stdout.trimEnd().split('\n')).toEqual([
      `Audit trail broken: case ${signedId} seq 3 (event id ${event.id}): payload altered: the stored payload no longer matches its payload hash`,
    ]);

    const unknown = await verify(['--case', 'no-such-case']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trimEnd().split('\n')).toEqual(['✖ audit:verify: no case with id no-such-case']);
  } finally {
    await own.$disconnect();
    await db.drop();
  }
});

test('a trail larger than one read batch is walked whole, and a break far down it is still found', async () => {
  const db = await createTestDatabase('audit_batches');
  await applyMigrations(db.url);
  const own = createPrisma(db.url);
  try {
    const caseCount = 450;
    const perCase = 3;
    const ids = Array.from({ length: caseCount }, (_, i) => `case-${String(i).padStart(4, '0')}`);
    await own.case.createMany({
      data: ids.map((id) => ({
        id,
        caseNumber: id,
        duplicateKey: id,
        status: 'submitted',
        complainantCreditCode: '91450600500000170P',
        complainantName: '防城港某机械有限公司',
        respondentName: '上思县某局',
        respondentType: 'government_organ',
        regionCode: '450621',
        amount: '250000.00',
        overdueAmount: '120000.00',
        complaint: {},
        projectedSeq: perCase,
      })),
    });
    const events = ids.flatMap((caseId) => {
      let prevHash = GENESIS_HASH;
      return Array.from({ length: perCase }, (_, i) => {
        const payload = { step: i, note: `event ${i + 1} of ${caseId}` };
        const at = new Date(Date.UTC(2026, 0, 5, 9, 0, i)).toISOString();
        const payloadHash = crypto.createHash('sha256').update(canonicalJson(payload)).digest('hex');
        const fields = { caseId, seq: i + 1, type: 'noted', actor: 'key_office', actorRole: 'office', at, payloadHash, prevHash };
        prevHash = eventHash(fields);
        return { ...fields, at: new Date(fields.at), payload, hash: prevHash };
      });
    });
    await own.caseEvent.createMany({ data: events });

    expect(await verifyAuditTrail(own)).toEqual({ ok: true, cases: caseCount, events: caseCount * perCase });

    await own.$executeRaw`update case_events set type = 'rewritten' where case_id = 'case-0437' and seq = 2`;
    await own.$executeRaw`update case_events set hash = ${'a'.repeat(64)} where case_id = 'case-0441' and seq = 1`;
    expect(await verifyAuditTrail(own)).toMatchObject({ ok: false, firstBroken: { caseId: 'case-0437', seq: 2, problem: 'hash mismatch' } });
  } finally {
    await own.$disconnect();
    await db.drop();
  }
});
