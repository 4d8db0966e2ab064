import { Connection } from '@temporalio/client';
import pg from 'pg';
import { createTestDatabase } from '../support/db';

test('the run has a real Temporal server and a real PostgreSQL', async () => {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_TEST_ADDRESS! });
  const info = await connection.workflowService.getSystemInfo({});
  expect(info.serverVersion).toMatch(/^1\.\d+/);
  await connection.close();
  const db = await createTestDatabase('smoke');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const res = await client.query('select version()');
  expect(res.rows[0].version).toMatch(/PostgreSQL/);
  await client.end();
  await db.drop();
});
