import pg from 'pg';
import { createPrisma, Prisma, type PrismaClient } from '../../../prisma/client';
import { applyMigrations } from '../../../prisma/migrate';
import { createTestDatabase } from '../../support/db';

// The project-level testTimeout in package.json is not applied by jest-circus (it reads the global one).
jest.setTimeout(120_000);

let db: { url: string; drop(): Promise<void> };
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase('prisma_client');
  await applyMigrations(db.url);
  prisma = createPrisma(db.url);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

test('writes and reads a Case with exact Decimal amounts', async () => {
  await prisma.case.create({
    data: {
      id: 'case-1',
      caseNumber: 'FCG-2026-000001',
      duplicateKey: 'dup-1',
      status: 'submitted',
      complainantCreditCode: '91110000MA01ABCDE1',
      complainantName: '某某科技有限公司',
      respondentName: '某某区住房和城乡建设局',
      respondentType: 'government',
      regionCode: '110105',
      amount: '125000.50',
      // 16 significant digits: more than a JavaScript number holds exactly.
      overdueAmount: new Prisma.Decimal('99999999999999.99'),
      complaint: { contract: 'HT-001', items: [1, 2] },
      events: {
        create: {
          seq: 1,
          type: 'submitted',
          actor: 'complainant',
          actorRole: 'complainant',
          at: new Date('2026-01-02T03:04:05.678Z'),
          payload: {},
          payloadHash: 'p',
          prevHash: '',
          hash: 'h',
        },
      },
    },
  });

  const found = await prisma.case.findUniqueOrThrow({ where: { caseNumber: 'FCG-2026-000001' }, include: { events: true } });
  expect(found.amount).toBeInstanceOf(Prisma.Decimal);
  expect(found.amount.toFixed(2)).toBe('125000.50');
  expect(found.amount.equals('125000.5')).toBe(true);
  expect(found.overdueAmount.toFixed(2)).toBe('99999999999999.99');
  expect(found.complainantName).toBe('某某科技有限公司');
  expect(found.complaint).toEqual({ contract: 'HT-001', items: [1, 2] });
  expect(found.escalationLevel).toBe(0);
  expect(found.detail).toEqual({});
  expect(found.events).toHaveLength(1);
  expect(typeof found.events[0]!.id).toBe('bigint');
  expect(found.events[0]!.at.toISOString()).toBe('2026-01-02T03:04:05.678Z');

  // What PostgreSQL itself stores.
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query(`select amount::text as amount, overdue_amount::text as overdue from cases where id = 'case-1'`);
  await client.end();
  expect(rows[0]).toEqual({ amount: '125000.50', overdue: '99999999999999.99' });
});

test('sums Decimal amounts exactly in the database', async () => {
  await prisma.case.create({
    data: {
      id: 'case-2',
      caseNumber: 'FCG-2026-000002',
      duplicateKey: 'dup-2',
      status: 'submitted',
      complainantCreditCode: '91110000MA01ABCDE1',
      complainantName: 'n',
      respondentName: 'r',
      respondentType: 'soe',
      regionCode: '110105',
      amount: '0.10',
      overdueAmount: '0.20',
      complaint: {},
    },
  });
  const total = await prisma.case.aggregate({ _sum: { amount: true } });
  expect(total._sum.amount?.toFixed(2)).toBe('125000.60');
});
