import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { startEmbeddedPostgres } from '../scripts/runtime/postgres';
import { freePort } from '../scripts/runtime/ports';
import { applyMigrations } from '../prisma/migrate';
import { createPrisma } from '../prisma/client';
import { createApp } from '../api/app';
import { resolvePolicy } from '../domain/policy';
import { calendarData } from '../domain/official-calendar';
import { seedDemoKeys, seedReferenceData, CITY_UNITS, DEMO_CREDIT_CODE } from '../scripts/runtime/seed';
import { ensureWebBuilt } from '../scripts/runtime/web-build';
import { benchWeb } from './web';

/**
 * Read-model benchmark: 100,000 cases in a real PostgreSQL, then the API's list and detail queries over
 * real HTTP, as each role would run them. Prints p50/p95 per query and the API process's memory; then the
 * web app's download size and its busiest pages' load times in Chromium over the same data.
 */
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'complaints-bench-'));
  fs.chmodSync(dir, 0o755);
  const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), database: 'bench', persistent: false });
  try {
    await applyMigrations(pgServer.url);
    const prisma = createPrisma(pgServer.url);
    await seedReferenceData(prisma);
    await seedDemoKeys(prisma);

    const started = performance.now();
    await fillCases(pgServer.url);
    console.log(`filled ${CASES.toLocaleString()} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // List and detail reads never touch Temporal; a lazy connection that is never used stands in.
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const app = createApp({ prisma, temporal, taskQueue: 'bench', policy: resolvePolicy({}), calendar: calendarData(2026, 2027), logLevel: 'silent', rateLimitPerMinute: 1_000_000 });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1`;
    const get = async (p: string, key: string) => {
      const res = await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${key}` } });
      const body = (await res.json()) as { items?: unknown[]; nextCursor?: string | null };
      if (res.status !== 200) throw new Error(`${p} → ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const sample = await get('/complaints?limit=1&status=handling', 'demo-office-key');
    const someId = (sample.items?.[0] as { id: string }).id;
    let cursor = '';
    for (let i = 0; i < 10; i++) cursor = (await get(`/complaints?limit=50${cursor ? `&cursor=${cursor}` : ''}`, 'demo-office-key')).nextCursor ?? '';

    const queries: [string, string, string][] = [
      ['office: newest 50', '/complaints?limit=50', 'demo-office-key'],
      ['office: status=handling', '/complaints?limit=50&status=handling', 'demo-office-key'],
      ['office: unitId filter', '/complaints?limit=50&unitId=gov-450603', 'demo-office-key'],
      ['office: overdue=true', '/complaints?limit=50&overdue=true', 'demo-office-key'],
      ['office: escalationLevel=2', '/complaints?limit=50&escalationLevel=2', 'demo-office-key'],
      ['office: page 11 by cursor', `/complaints?limit=50&cursor=${cursor}`, 'demo-office-key'],
      ['office: q=case number', '/complaints?limit=50&q=FCG-2026-004242', 'demo-office-key'],
      ['unit: my cases', '/complaints?limit=50', 'demo-unit-450621-key'],
      ['complainant: my cases', '/complaints?limit=50', 'demo-complainant-key'],
      ['office: one case', `/complaints/${someId}`, 'demo-office-key'],
    ];
    console.log(`\n${'query'.padEnd(30)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'items'.padStart(6)}`);
    for (const [name, p, key] of queries) {
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        const body = await get(p, key);
        times.push(performance.now() - t);
        items = body.items?.length ?? 1;
      }
      times.sort((a, b) => a - b);
      const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
      console.log(`${name.padEnd(30)} ${pct(0.5).padStart(8)} ${pct(0.95).padStart(8)} ${String(items).padStart(6)}`);
    }
    const mem = process.memoryUsage();
    console.log(`\nAPI process memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
    ensureWebBuilt();
    await benchWeb(base.replace(/\/api\/v1$/, ''), Math.min(ROUNDS, 10));
    server.close();
    await prisma.$disconnect();
  } finally {
    await pgServer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Cases spread over the city's units, statuses and escalation levels, with deadlines and events. */
async function fillCases(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const units = CITY_UNITS.filter((u) => u.kind !== 'office').map((u) => u.id);
  await client.query(
    `insert into cases (id, case_number, duplicate_key, status, escalation_level, unit_id, unit_ids, complainant_credit_code, complainant_name,
       respondent_name, respondent_type, region_code, amount, overdue_amount, next_deadline_at, overdue, complaint, detail, projected_seq, created_at, updated_at)
     select 'bench-' || g,
            'FCG-2026-' || lpad(g::text, 6, '0'),
            md5(g::text),
            (array['submitted','forwarded','handling','handling','result_reported','monitoring_plan','closed','closed','rejected','withdrawn'])[1 + g % 10],
            g % 4,
            u.unit,
            array[u.unit],
            case when g % 1000 = 0 then $2 else '91450600' || lpad((g % 97)::text, 9, '0') || 'X' end,
            '企业' || (g % 5000),
            '被投诉单位' || (g % 800),
            (array['government_organ','public_institution','large_enterprise'])[1 + g % 3],
            '450621',
            250000.00, 120000.00,
            now() + ((g % 60) - 20) * interval '1 day',
            g % 4 > 0 and g % 10 < 6,
            '{"channel":"online","complainant":{},"respondent":{"type":"government_organ"},"contract":{"overdueAmount":"120000.00","amount":"250000.00"},"description":"bench","evidence":[]}'::jsonb,
            '{}'::jsonb, 1,
            now() - g * interval '1 minute', now()
       from generate_series(1, $1::int) g
       cross join lateral (select ($3::text[])[1 + g % array_length($3::text[], 1)] as unit) u`,
    [CASES, DEMO_CREDIT_CODE, units],
  );
  await client.query(
    `insert into case_deadlines (case_id, key, name, due_at, state)
     select id, 'handling:1', 'handling', next_deadline_at, case when escalation_level > 0 then 'missed' else 'open' end from cases`,
  );
  await client.query(`insert into case_number_counters (year, last) values (2026, $1)`, [CASES]);
  await client.query('analyze');
  await client.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
