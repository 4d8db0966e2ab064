import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Workflow code imports the domain and runs in Temporal's deterministic sandbox, bundled by webpack:
 * no clock, no randomness, no I/O, no Node built-ins, and only dependencies that are pure data or pure code.
 */
const DOMAIN = join(__dirname, '../../../domain');
const ALLOWED_PACKAGES = ['zod', 'chinese-days/dist/chinese-days.json'];

const sources = readdirSync(DOMAIN)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => [name, readFileSync(join(DOMAIN, name), 'utf8')] as const);

describe('the domain is pure', () => {
  it('has modules to check', () => {
    expect(sources.map(([name]) => name)).toEqual(expect.arrayContaining(['calendar.ts', 'policy.ts', 'case-status.ts', 'money.ts', 'interest.ts', 'credit-code.ts', 'case-number.ts']));
  });

  it.each(sources)('%s imports only other domain modules, zod and the holiday data', (_, source) => {
    const imported = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
    expect(imported.filter((name) => !name.startsWith('./') && !ALLOWED_PACKAGES.includes(name))).toEqual([]);
  });

  it.each(sources)('%s reads no clock and draws no random numbers', (_, source) => {
    expect(source).not.toMatch(/Date\.now\(|new Date\(\s*\)|Math\.random\(|performance\.now\(|process\./);
  });
});
