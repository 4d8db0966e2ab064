import fc from 'fast-check';
import { apiClient, startTestService, type TestService } from '../support/service';
import { KEYS, exampleComplaint } from '../support/fixtures';
import { COMMAND_ROUTES } from '../../api/complaints';

let service: TestService;
let call: ReturnType<typeof apiClient>;
let caseId: string;

beforeAll(async () => {
  service = await startTestService('fuzz');
  call = apiClient(service.baseUrl);
  const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: 'fuzz target' }) });
  caseId = filed.body.id;
});
afterAll(() => service.close());

const keyFor = (roles: string[]) => (roles.includes('office') ? KEYS.office : roles.includes('unit') ? KEYS.unit450621 : KEYS.complainant);

/** A valid complaint with one field, at any depth, replaced by something else or removed. */
const mutatedComplaint = fc
  .tuple(fc.nat(), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string(), fc.integer(), fc.constant(null)))
  .map(([pick, replacement]) => {
    const body = exampleComplaint({ contractTitle: 'fuzzed' }) as Record<string, any>;
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (path.length) paths.push(path);
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(body, []);
    const path = paths[pick % paths.length]!;
    let target = body;
    for (const k of path.slice(0, -1)) target = target[k];
    target[path[path.length - 1]!] = replacement;
    return body;
  });

const bodies = fc.oneof(fc.jsonValue(), fc.object(), mutatedComplaint);

test('thousands of random malformed bodies to every POST never produce a 5xx or a stored row', async () => {
  const before = await service.prisma.case.count();
  const posts: { path: string; key: string }[] = [
    { path: '/api/v1/complaints', key: KEYS.complainant },
    ...COMMAND_ROUTES.map((r) => ({ path: `/api/v1/complaints/${caseId}${r.path.slice('/:id'.length).replace(':n', '1')}`, key: keyFor(r.roles) })),
    { path: '/api/v1/units', key: KEYS.office },
    { path: '/api/v1/routing-rules', key: KEYS.office },
  ];
  let sent = 0;
  let created = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...posts), bodies, async (target, body) => {
      const res = await call('POST', target.path, { key: target.key, rawBody: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' } });
      sent += 1;
      if (res.status >= 500) throw new Error(`${target.path} answered ${res.status} to ${JSON.stringify(body)}: ${res.text}`);
      if (res.status >= 400) expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      // A mutation can leave a complaint valid (an optional field dropped): that one is filed, and only that one.
      if (target.path === '/api/v1/complaints' && res.status === 201) created += 1;
    }),
    { numRuns: 2500 },
  );
  expect(sent).toBe(2500);
  // Every refused filing left no row behind.
  expect(await service.prisma.case.count()).toBe(before + created);
  expect(await service.prisma.unit.count({ where: { id: { notIn: ['fcg-office', 'gov-450602', 'gov-450603', 'gov-450621', 'gov-450681', 'dept-housing', 'dept-transport', 'dept-sasac'] } } })).toBe(0);
});
