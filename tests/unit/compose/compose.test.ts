/**
 * docker-compose.yml, scripts/Dockerfile and .dockerignore checked by parsing (no Docker engine needed).
 * Each check is a function that throws on a problem. The first block runs them on the real files;
 * the second runs them on deliberately broken copies, to show each one can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { configSchema } from '../../../scripts/runtime/config';
import { caseSearchAttributes } from '../../../workflows/search-attributes';

const ROOT = path.resolve(__dirname, '../../..');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');
const DOCKERIGNORE_FILE = path.join(ROOT, '.dockerignore');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
type Compose = { services: Record<string, Obj>; volumes?: Record<string, Json> };

const REQUIRED_SERVICES = ['postgresql', 'temporal', 'temporal-ui', 'api', 'worker'] as const;
const APP_SERVICES = ['api', 'worker'] as const;
/** The port PostgreSQL listens on inside the postgres image. */
const POSTGRES_PORT = 5432;
/** Temporal's frontend gRPC port, unless the temporal service sets FRONTEND_GRPC_PORT. */
const TEMPORAL_FRONTEND_PORT = 7233;
/** Databases that Temporal's auto-setup creates for itself; the app must not share them. */
const TEMPORAL_DATABASES = ['temporal', 'temporal_visibility'];
const DOCKERIGNORE_REQUIRED = ['node_modules', '.data', '.git', 'prisma/generated', 'tests/artifacts'];

/** The `temporal` CLI's spelling of each SDK search attribute type. */
const CLI_TYPE: Record<string, string> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/** What the workflows upsert, from their own definitions (workflows/search-attributes.ts). */
function requiredSearchAttributes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of caseSearchAttributes) {
    const cliType = CLI_TYPE[key.type];
    if (!cliType) throw new Error(`no CLI type known for search attribute ${key.name} (${key.type})`);
    out[key.name] = cliType;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the files

function loadCompose(text = fs.readFileSync(COMPOSE_FILE, 'utf8')): Compose {
  // Compose honours YAML merge keys (`<<: *anchor`); so must the parser.
  const doc = parse(text, { merge: true }) as unknown;
  if (!isObj(doc) || !isObj(doc.services)) throw new Error('docker-compose.yml has no services mapping');
  return doc as unknown as Compose;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function service(compose: Compose, name: string): Obj {
  const s = compose.services[name];
  if (!isObj(s)) throw new Error(`service ${name} is missing from docker-compose.yml`);
  return s;
}

/** Compose interpolates `$VAR` / `${VAR}` and turns `$$` into `$`. Values here must not depend on the host's environment. */
function literal(value: string, where: string): string {
  const withoutEscapes = value.replace(/\$\$/g, '');
  if (withoutEscapes.includes('$')) throw new Error(`${where}: "${value}" depends on Compose interpolation; give a literal value`);
  return value.replace(/\$\$/g, '$');
}

/** A service's environment as Compose gives it to the container (map or KEY=VALUE list). */
function environment(svc: Obj, serviceName: string): Record<string, string> {
  if (svc.env_file !== undefined) throw new Error(`${serviceName}: env_file hides variable names from this check; use environment`);
  const env = svc.environment;
  if (env === undefined || env === null) return {};
  const out: Record<string, string> = {};
  const put = (name: string, value: Json | undefined) => {
    if (value === undefined || value === null || typeof value === 'object') {
      throw new Error(`${serviceName}: ${name} has no value (it would be taken from the host's environment)`);
    }
    out[name] = literal(String(value), `${serviceName}.${name}`);
  };
  if (Array.isArray(env)) {
    for (const item of env) {
      const [name, ...rest] = String(item).split('=');
      put(name ?? '', rest.length > 0 ? rest.join('=') : undefined);
    }
  } else if (isObj(env)) {
    for (const [name, value] of Object.entries(env)) put(name, value);
  } else {
    throw new Error(`${serviceName}: environment is neither a map nor a list`);
  }
  return out;
}

function commandArgs(cmd: Json | undefined): string[] | undefined {
  if (cmd === undefined || cmd === null) return undefined;
  if (Array.isArray(cmd)) return cmd.map(String);
  return String(cmd).trim().split(/\s+/);
}

function dependsOn(svc: Obj): Record<string, string> {
  const d = svc.depends_on;
  if (d === undefined || d === null) return {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((n) => [String(n), 'service_started']));
  if (!isObj(d)) throw new Error('depends_on is neither a list nor a map');
  return Object.fromEntries(
    Object.entries(d).map(([n, spec]) => [n, isObj(spec) && typeof spec.condition === 'string' ? spec.condition : 'service_started']),
  );
}

/** Container ports a service publishes, from short ("8080:80", "127.0.0.1:8080:80/tcp") or long syntax. */
function publishedPorts(svc: Obj): Array<{ published: number; target: number }> {
  const ports = svc.ports;
  if (ports === undefined || ports === null) return [];
  if (!Array.isArray(ports)) throw new Error('ports is not a list');
  return ports.map((p) => {
    if (isObj(p)) return { published: Number(p.published), target: Number(p.target) };
    const parts = String(p).replace(/\/(tcp|udp)$/, '').split(':');
    const target = Number(parts[parts.length - 1]);
    const published = parts.length >= 2 ? Number(parts[parts.length - 2]) : NaN;
    return { published, target };
  });
}

function packageScripts(): Record<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return pkg.scripts ?? {};
}

/** `npm run NAME` (or `npm start`) → the script it runs, which must exist in package.json. */
function npmScriptOf(args: string[] | undefined, where: string, scripts: Record<string, string>): string {
  if (!args || args[0] !== 'npm') throw new Error(`${where}: expected an npm command, got ${JSON.stringify(args)}`);
  let name: string | undefined;
  if ((args[1] === 'run' || args[1] === 'run-script') && args.length === 3) name = args[2];
  else if (args[1] === 'start' && args.length === 2) name = 'start';
  if (!name) throw new Error(`${where}: expected "npm run <script>", got ${JSON.stringify(args)}`);
  if (!(name in scripts)) throw new Error(`${where}: package.json has no script "${name}"`);
  return name;
}

interface Dockerfile {
  instructions: Array<{ keyword: string; args: string }>;
}

function parseDockerfile(text: string): Dockerfile {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const instructions = joined
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\S+)\s*(.*)$/.exec(l);
      return { keyword: (m?.[1] ?? '').toUpperCase(), args: (m?.[2] ?? '').trim() };
    });
  return { instructions };
}

/** CMD in exec form (JSON array) or shell form. */
function dockerfileCmd(df: Dockerfile): string[] | undefined {
  const cmds = df.instructions.filter((i) => i.keyword === 'CMD');
  const last = cmds[cmds.length - 1];
  if (!last) return undefined;
  if (last.args.startsWith('[')) return (JSON.parse(last.args) as unknown[]).map(String);
  return last.args.split(/\s+/);
}

function dockerfilePathOf(svc: Obj, serviceName: string): string {
  const build = svc.build;
  if (!isObj(build)) throw new Error(`${serviceName}: build must be a mapping with context and dockerfile`);
  if (build.context !== '.') throw new Error(`${serviceName}: build context must be the repository root ".", got ${JSON.stringify(build.context)}`);
  if (build.dockerfile !== 'scripts/Dockerfile') throw new Error(`${serviceName}: build dockerfile must be scripts/Dockerfile, got ${JSON.stringify(build.dockerfile)}`);
  return path.join(ROOT, String(build.context), String(build.dockerfile));
}

// ---------------------------------------------------------------------------------------------
// The checks

function checkServicesExist(compose: Compose): void {
  for (const name of REQUIRED_SERVICES) service(compose, name);
}

function checkPostgres(compose: Compose): void {
  const pg = service(compose, 'postgresql');
  if (!/^postgres:16(\.|-|$)/.test(String(pg.image))) throw new Error(`postgresql: image must be postgres:16, got ${String(pg.image)}`);
  const hc = pg.healthcheck;
  const test = isObj(hc) ? hc.test : undefined;
  if (!(Array.isArray(test) ? test.map(String).join(' ') : String(test ?? '')).includes('pg_isready')) {
    throw new Error('postgresql: healthcheck must run pg_isready');
  }
  const volumes = Array.isArray(pg.volumes) ? pg.volumes : [];
  const dataVolume = volumes
    .map((v) => (isObj(v) ? { source: String(v.source), target: String(v.target) } : { source: String(v).split(':')[0] ?? '', target: String(v).split(':')[1] ?? '' }))
    .find((v) => v.target === '/var/lib/postgresql/data');
  if (!dataVolume) throw new Error('postgresql: /var/lib/postgresql/data must be on a volume');
  if (dataVolume.source.startsWith('.') || dataVolume.source.startsWith('/') || !(dataVolume.source in (compose.volumes ?? {}))) {
    throw new Error(`postgresql: data must be on a named volume declared under top-level volumes, got ${dataVolume.source}`);
  }
}

/** The postgresql service's credentials and the app's database, as the image derives them. */
function postgresAccount(compose: Compose): { user: string; password: string; database: string } {
  const env = environment(service(compose, 'postgresql'), 'postgresql');
  const user = env.POSTGRES_USER ?? 'postgres';
  const password = env.POSTGRES_PASSWORD;
  if (!password) throw new Error('postgresql: POSTGRES_PASSWORD must be set');
  return { user, password, database: env.POSTGRES_DB ?? user };
}

function checkTemporal(compose: Compose): void {
  const t = service(compose, 'temporal');
  if (!/^temporalio\/auto-setup:1\.29\.\d+(\.\d+)?$/.test(String(t.image))) {
    throw new Error(`temporal: image must be temporalio/auto-setup pinned to a 1.29.x tag, got ${String(t.image)}`);
  }
  const env = environment(t, 'temporal');
  const pg = postgresAccount(compose);
  const expected: Record<string, string> = {
    DB: 'postgres12',
    DB_PORT: String(POSTGRES_PORT),
    POSTGRES_USER: pg.user,
    POSTGRES_PWD: pg.password,
    POSTGRES_SEEDS: 'postgresql',
  };
  for (const [name, value] of Object.entries(expected)) {
    if (env[name] !== value) throw new Error(`temporal: ${name} must be ${value}, got ${String(env[name])}`);
  }
  if (dependsOn(t).postgresql !== 'service_healthy') throw new Error('temporal: must depend on postgresql being service_healthy');
}

function temporalFrontendPort(compose: Compose): number {
  const env = environment(service(compose, 'temporal'), 'temporal');
  return Number(env.FRONTEND_GRPC_PORT ?? TEMPORAL_FRONTEND_PORT);
}

/** host:port must name the temporal service and its frontend port. */
function checkTemporalAddress(compose: Compose, address: string | undefined, where: string): void {
  const m = /^([^:]+):(\d+)$/.exec(address ?? '');
  if (!m) throw new Error(`${where}: TEMPORAL_ADDRESS must be host:port, got ${String(address)}`);
  if (m[1] !== 'temporal') throw new Error(`${where}: TEMPORAL_ADDRESS must name the temporal service, got ${m[1]}`);
  if (Number(m[2]) !== temporalFrontendPort(compose)) {
    throw new Error(`${where}: TEMPORAL_ADDRESS port ${m[2]} is not the temporal service's frontend port ${temporalFrontendPort(compose)}`);
  }
}

function checkTemporalUi(compose: Compose): void {
  const ui = service(compose, 'temporal-ui');
  if (!String(ui.image).startsWith('temporalio/ui:')) throw new Error(`temporal-ui: image must be temporalio/ui, got ${String(ui.image)}`);
  checkTemporalAddress(compose, environment(ui, 'temporal-ui').TEMPORAL_ADDRESS, 'temporal-ui');
  if (!publishedPorts(ui).some((p) => p.published === 8080 && p.target === 8080)) throw new Error('temporal-ui: must publish port 8080');
}

function checkAppBuilds(compose: Compose, exists: (file: string) => boolean = fs.existsSync): void {
  for (const name of APP_SERVICES) {
    const file = dockerfilePathOf(service(compose, name), name);
    if (!exists(file)) throw new Error(`${name}: ${path.relative(ROOT, file)} does not exist`);
  }
}

function checkAppEnvironmentNames(compose: Compose): void {
  const known = new Set(Object.keys(configSchema.shape));
  for (const name of APP_SERVICES) {
    const env = environment(service(compose, name), name);
    const unknown = Object.keys(env).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new Error(`${name}: ${unknown.join(', ')} not read by scripts/runtime/config.ts`);
    for (const required of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE']) {
      if (!env[required]) throw new Error(`${name}: ${required} must be set`);
    }
    const parsed = configSchema.safeParse(env);
    if (!parsed.success) throw new Error(`${name}: environment fails the config schema: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
}

function checkDatabaseUrl(compose: Compose): void {
  const pg = postgresAccount(compose);
  for (const name of APP_SERVICES) {
    const raw = environment(service(compose, name), name).DATABASE_URL;
    const parsed = configSchema.shape.DATABASE_URL.safeParse(raw);
    if (!parsed.success || !parsed.data) throw new Error(`${name}: DATABASE_URL does not parse with the config schema: ${String(raw)}`);
    const url = new URL(parsed.data);
    const port = url.port === '' ? POSTGRES_PORT : Number(url.port);
    const actual = {
      host: url.hostname,
      port,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.slice(1)),
    };
    const expected = { host: 'postgresql', port: POSTGRES_PORT, user: pg.user, password: pg.password, database: pg.database };
    for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
      if (actual[key] !== expected[key]) throw new Error(`${name}: DATABASE_URL ${key} is ${String(actual[key])}, the postgresql service has ${String(expected[key])}`);
    }
    if (TEMPORAL_DATABASES.includes(actual.database)) throw new Error(`${name}: DATABASE_URL must not use Temporal's own database ${actual.database}`);
  }
}

function checkAppTemporal(compose: Compose): void {
  const namespace = environment(service(compose, 'temporal'), 'temporal').DEFAULT_NAMESPACE ?? 'default';
  for (const name of APP_SERVICES) {
    const env = environment(service(compose, name), name);
    checkTemporalAddress(compose, env.TEMPORAL_ADDRESS, name);
    if (env.TEMPORAL_NAMESPACE !== namespace) {
      throw new Error(`${name}: TEMPORAL_NAMESPACE ${String(env.TEMPORAL_NAMESPACE)} is not the namespace temporal's auto-setup registers (${namespace})`);
    }
  }
}

function checkApiPortAndDependencies(compose: Compose): void {
  const api = service(compose, 'api');
  const env = environment(api, 'api');
  if (env.PORT !== '3000') throw new Error(`api: PORT must be 3000, got ${String(env.PORT)}`);
  if (!publishedPorts(api).some((p) => p.published === 3000 && p.target === Number(env.PORT))) throw new Error('api: must publish 3000 to its PORT');
  for (const name of APP_SERVICES) {
    const deps = dependsOn(service(compose, name));
    if (deps.postgresql !== 'service_healthy') throw new Error(`${name}: must depend on postgresql being service_healthy`);
    if (!deps.temporal) throw new Error(`${name}: must depend on temporal`);
  }
}

/** The one-shot service that runs `temporal operator search-attribute create`. */
function searchAttributeJob(compose: Compose): { name: string; svc: Obj; script: string } {
  const found = Object.entries(compose.services).filter(([, svc]) => {
    const text = [svc.entrypoint, svc.command].flat().filter((x) => x !== undefined && x !== null).map(String).join('\n');
    return text.includes('search-attribute create');
  });
  const first = found[0];
  if (found.length !== 1 || !first) throw new Error(`expected exactly one service running "temporal operator search-attribute create", found ${found.length}`);
  const [name, svc] = first;
  const script = [svc.command].flat().map(String).join('\n');
  return { name, svc, script };
}

function checkSearchAttributes(compose: Compose, required: Record<string, string>): void {
  const { name, svc, script } = searchAttributeJob(compose);
  if (!String(svc.image).startsWith('temporalio/admin-tools:')) throw new Error(`${name}: image must be temporalio/admin-tools, got ${String(svc.image)}`);
  // Every `$` in the script must reach the shell: Compose would replace a single `$` itself.
  literal(script, `${name}.command`);
  if (!/\$\$\{?SEARCH_ATTRIBUTES\b/.test(script)) throw new Error(`${name}: the script must register the names in SEARCH_ATTRIBUTES`);

  const env = environment(svc, name);
  checkTemporalAddress(compose, env.TEMPORAL_ADDRESS, name);
  const appNamespace = environment(service(compose, 'api'), 'api').TEMPORAL_NAMESPACE;
  if (env.TEMPORAL_NAMESPACE !== appNamespace) throw new Error(`${name}: registers in namespace ${String(env.TEMPORAL_NAMESPACE)}, the app uses ${String(appNamespace)}`);

  const registered: Record<string, string> = {};
  for (const pair of (env.SEARCH_ATTRIBUTES ?? '').split(/\s+/).filter(Boolean)) {
    const [attr, type, ...extra] = pair.split('=');
    if (!attr || !type || extra.length > 0) throw new Error(`${name}: SEARCH_ATTRIBUTES entry "${pair}" is not NAME=Type`);
    registered[attr] = type;
  }
  const describe = (m: Record<string, string>) => JSON.stringify(Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b))));
  if (describe(registered) !== describe(required)) {
    throw new Error(`${name}: registers ${describe(registered)}, the workflows need ${describe(required)}`);
  }

  if (dependsOn(svc).temporal !== 'service_healthy') throw new Error(`${name}: must wait for temporal being service_healthy`);
  for (const app of APP_SERVICES) {
    if (dependsOn(service(compose, app))[name] !== 'service_completed_successfully') {
      throw new Error(`${app}: must wait for ${name} to complete successfully (unregistered search attributes fail workflow starts)`);
    }
  }
}

function checkCommands(compose: Compose, dockerfileText: string, scripts: Record<string, string>): void {
  const df = parseDockerfile(dockerfileText);
  const defaultScript = npmScriptOf(dockerfileCmd(df), 'scripts/Dockerfile CMD', scripts);
  if (defaultScript !== 'api') throw new Error(`scripts/Dockerfile CMD must run the api script, runs ${defaultScript}`);
  const apiScript = npmScriptOf(commandArgs(service(compose, 'api').command) ?? dockerfileCmd(df), 'api command', scripts);
  if (apiScript !== 'api') throw new Error(`api: runs npm script ${apiScript}, expected api`);
  const workerScript = npmScriptOf(commandArgs(service(compose, 'worker').command), 'worker command', scripts);
  if (workerScript !== 'worker') throw new Error(`worker: runs npm script ${workerScript}, expected worker`);
}

function checkDockerfile(text: string): void {
  const df = parseDockerfile(text);
  const ins = df.instructions;
  const from = ins.filter((i) => i.keyword === 'FROM');
  if (from.length === 0 || !from.every((i) => /^node:20-bookworm-slim(@sha256:[0-9a-f]{64})?(\s|$)/.test(i.args))) {
    throw new Error('scripts/Dockerfile: must be based on node:20-bookworm-slim');
  }
  const users = ins.filter((i) => i.keyword === 'USER');
  const lastUser = users[users.length - 1]?.args.split(':')[0];
  if (!lastUser || lastUser === 'root' || lastUser === '0') throw new Error('scripts/Dockerfile: must switch to a non-root USER');

  const index = (pred: (i: { keyword: string; args: string }) => boolean) => ins.findIndex(pred);
  const npmCi = index((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
  const copyManifests = index((i) => i.keyword === 'COPY' && /\bpackage\.json\b/.test(i.args) && /\bpackage-lock\.json\b/.test(i.args));
  const copyPrisma = index((i) => i.keyword === 'COPY' && /(^|\s)\.?\/?prisma\/?\s/.test(`${i.args.replace(/--\S+/g, '')} `));
  const copyAll = index((i) => i.keyword === 'COPY' && /(^|\s)\.\s+\.\/?$/.test(i.args.replace(/--\S+/g, '').trim()));
  if (npmCi < 0) throw new Error('scripts/Dockerfile: must RUN npm ci');
  if (copyManifests < 0 || copyManifests > npmCi) throw new Error('scripts/Dockerfile: must COPY package.json and package-lock.json before npm ci');
  if (copyPrisma < 0 || copyPrisma > npmCi) throw new Error('scripts/Dockerfile: must COPY prisma/ before npm ci (its postinstall runs prisma generate)');
  if (copyAll < 0 || copyAll < npmCi) throw new Error('scripts/Dockerfile: must COPY the source (". .") after npm ci');
  if (lastUser && index((i) => i.keyword === 'USER') > npmCi) throw new Error('scripts/Dockerfile: npm ci must run as the unprivileged user, so it owns the generated client');
}

/**
 * Repository files that prisma/prisma.config.ts names with path.join(__dirname, ...), e.g. the schema-engine
 * shim in scripts/: `npm ci`'s postinstall loads that config, so they must be in the image before it runs.
 */
function prismaConfigFiles(configText = fs.readFileSync(path.join(ROOT, 'prisma/prisma.config.ts'), 'utf8')): string[] {
  const files: string[] = [];
  for (const m of configText.matchAll(/path\.join\(\s*__dirname((?:\s*,\s*'[^']*')+)\s*\)/g)) {
    const parts = [...(m[1] ?? '').matchAll(/'([^']*)'/g)].map((p) => p[1] ?? '');
    files.push(path.relative(ROOT, path.join(ROOT, 'prisma', ...parts)).split(path.sep).join('/'));
  }
  return files;
}

function checkInstallInputs(dockerfileText: string, needed: string[]): void {
  const ins = parseDockerfile(dockerfileText).instructions;
  const npmCi = ins.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
  if (npmCi < 0) throw new Error('scripts/Dockerfile: must RUN npm ci');
  const sources = ins
    .slice(0, npmCi)
    .filter((i) => i.keyword === 'COPY')
    .flatMap((i) => {
      const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      return words.slice(0, -1).map((w) => w.replace(/^\.\//, '').replace(/\/+$/, ''));
    });
  for (const file of needed) {
    if (!sources.some((src) => src === '.' || file === src || file.startsWith(`${src}/`))) {
      throw new Error(`scripts/Dockerfile: ${file} (named by prisma/prisma.config.ts) must be copied before npm ci`);
    }
  }
}

function checkDockerignore(text: string): void {
  const entries = new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.replace(/^\/+/, '').replace(/\/+$/, '')),
  );
  const missing = DOCKERIGNORE_REQUIRED.filter((e) => !entries.has(e));
  if (missing.length > 0) throw new Error(`.dockerignore: missing ${missing.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------

describe('docker-compose.yml and the image', () => {
  const compose = loadCompose();
  const dockerfileText = fs.readFileSync(dockerfilePathOf(service(compose, 'api'), 'api'), 'utf8');
  const scripts = packageScripts();

  it('declares postgresql, temporal, temporal-ui, api and worker', () => {
    expect(() => checkServicesExist(compose)).not.toThrow();
  });

  it('runs postgres:16 with a pg_isready healthcheck and a named volume', () => {
    expect(() => checkPostgres(compose)).not.toThrow();
  });

  it('runs temporal auto-setup 1.29.x on the postgresql service', () => {
    expect(() => checkTemporal(compose)).not.toThrow();
  });

  it('points the Temporal UI at the temporal service', () => {
    expect(() => checkTemporalUi(compose)).not.toThrow();
  });

  it('builds api and worker from scripts/Dockerfile, which exists', () => {
    expect(() => checkAppBuilds(compose)).not.toThrow();
  });

  it('gives api and worker only variables the config schema reads, with values it accepts', () => {
    expect(() => checkAppEnvironmentNames(compose)).not.toThrow();
  });

  it("points DATABASE_URL at the postgresql service's host, port, account and app database", () => {
    expect(() => checkDatabaseUrl(compose)).not.toThrow();
  });

  it("points TEMPORAL_ADDRESS at the temporal service's port and uses its namespace", () => {
    expect(() => checkAppTemporal(compose)).not.toThrow();
  });

  it('publishes the API on 3000 and starts api/worker after their dependencies', () => {
    expect(() => checkApiPortAndDependencies(compose)).not.toThrow();
  });

  it('registers exactly the search attributes the workflows define', () => {
    expect(requiredSearchAttributes()).toEqual({ CaseStatus: 'Keyword', UnitId: 'Keyword', EscalationLevel: 'Int', NextDeadline: 'Datetime' });
    expect(() => checkSearchAttributes(compose, requiredSearchAttributes())).not.toThrow();
  });

  it("runs package.json scripts: the image's CMD (api) and the worker's command", () => {
    expect(() => checkCommands(compose, dockerfileText, scripts)).not.toThrow();
  });

  it('builds a node:20-bookworm-slim image as a non-root user, installing before copying the source', () => {
    expect(() => checkDockerfile(dockerfileText)).not.toThrow();
  });

  it('copies what prisma/prisma.config.ts names before npm ci runs its postinstall', () => {
    const needed = prismaConfigFiles();
    expect(needed).toEqual(expect.arrayContaining(['prisma/schema.prisma']));
    expect(() => checkInstallInputs(dockerfileText, needed)).not.toThrow();
  });

  it('keeps local state out of the build context', () => {
    expect(() => checkDockerignore(fs.readFileSync(DOCKERIGNORE_FILE, 'utf8'))).not.toThrow();
  });
});

describe('the checks reject a broken setup', () => {
  const original = fs.readFileSync(COMPOSE_FILE, 'utf8');
  const dockerfileText = fs.readFileSync(path.join(ROOT, 'scripts/Dockerfile'), 'utf8');
  const scripts = packageScripts();
  /** A fresh copy of the real compose file, changed by `edit`. */
  const broken = (edit: (c: Compose) => void): Compose => {
    const c = loadCompose(original);
    edit(c);
    return c;
  };
  const env = (c: Compose, name: string) => service(c, name).environment as Obj;

  it('a missing service', () => {
    expect(() => checkServicesExist(broken((c) => delete c.services['temporal-ui']))).toThrow(/temporal-ui is missing/);
  });

  it('postgres: wrong image, no pg_isready, a bind mount instead of a named volume', () => {
    expect(() => checkPostgres(broken((c) => (service(c, 'postgresql').image = 'postgres:15')))).toThrow(/postgres:16/);
    expect(() => checkPostgres(broken((c) => (service(c, 'postgresql').healthcheck = { test: ['CMD', 'true'] })))).toThrow(/pg_isready/);
    expect(() => checkPostgres(broken((c) => (service(c, 'postgresql').volumes = ['./pgdata:/var/lib/postgresql/data'])))).toThrow(/named volume/);
    expect(() => checkPostgres(broken((c) => delete c.volumes))).toThrow(/named volume/);
  });

  it('temporal: unpinned image, wrong DB plugin, credentials that differ from postgresql, no health dependency', () => {
    expect(() => checkTemporal(broken((c) => (service(c, 'temporal').image = 'temporalio/auto-setup:latest')))).toThrow(/1\.29/);
    expect(() => checkTemporal(broken((c) => (service(c, 'temporal').image = 'temporalio/auto-setup:1.28.1')))).toThrow(/1\.29/);
    expect(() => checkTemporal(broken((c) => (env(c, 'temporal').DB = 'mysql8')))).toThrow(/DB must be postgres12/);
    expect(() => checkTemporal(broken((c) => (env(c, 'postgresql').POSTGRES_PASSWORD = 'other')))).toThrow(/POSTGRES_PWD/);
    expect(() => checkTemporal(broken((c) => (env(c, 'temporal').POSTGRES_SEEDS = 'localhost')))).toThrow(/POSTGRES_SEEDS/);
    expect(() => checkTemporal(broken((c) => (service(c, 'temporal').depends_on = ['postgresql'])))).toThrow(/service_healthy/);
  });

  it('temporal-ui: wrong address or port', () => {
    expect(() => checkTemporalUi(broken((c) => (env(c, 'temporal-ui').TEMPORAL_ADDRESS = 'localhost:7233')))).toThrow(/temporal service/);
    expect(() => checkTemporalUi(broken((c) => (service(c, 'temporal-ui').ports = ['8088:8080'])))).toThrow(/8080/);
  });

  it('a build that is not scripts/Dockerfile, or a Dockerfile that does not exist', () => {
    expect(() => checkAppBuilds(broken((c) => (service(c, 'worker').build = '.')))).toThrow(/build must be a mapping/);
    expect(() => checkAppBuilds(broken((c) => (service(c, 'worker').build = { context: '.', dockerfile: 'Dockerfile' })))).toThrow(/scripts\/Dockerfile/);
    expect(() => checkAppBuilds(loadCompose(original), () => false)).toThrow(/scripts\/Dockerfile does not exist/);
  });

  it('a variable the config module does not read, or a value its schema rejects', () => {
    expect(() => checkAppEnvironmentNames(broken((c) => (env(c, 'worker').NODE_OPTIONS = '--max-old-space-size=512')))).toThrow(/NODE_OPTIONS not read/);
    expect(() => checkAppEnvironmentNames(broken((c) => (service(c, 'api').environment = { ...env(c, 'api'), DB_URL: 'x' })))).toThrow(/DB_URL not read/);
    expect(() => checkAppEnvironmentNames(broken((c) => (service(c, 'api').environment = { ...env(c, 'api'), LOG_LEVEL: 'verbose' })))).toThrow(/LOG_LEVEL/);
    expect(() => checkAppEnvironmentNames(broken((c) => delete env(c, 'api').TEMPORAL_ADDRESS))).toThrow(/TEMPORAL_ADDRESS must be set/);
    expect(() => checkAppEnvironmentNames(broken((c) => (service(c, 'api').env_file = ['.env'])))).toThrow(/env_file/);
    expect(() => checkAppEnvironmentNames(broken((c) => (service(c, 'api').environment = { ...env(c, 'api'), LOG_LEVEL: '${LOG_LEVEL}' })))).toThrow(/interpolation/);
  });

  it('a DATABASE_URL that misses the postgresql service in any part', () => {
    const url = 'postgresql://postgres:postgres@postgresql:5432/complaints';
    expect(env(loadCompose(original), 'api').DATABASE_URL).toBe(url);
    const cases: Array<[string, RegExp]> = [
      ['postgresql://postgres:postgres@localhost:5432/complaints', /host/],
      ['postgresql://postgres:postgres@postgresql:5433/complaints', /port/],
      ['postgresql://app:postgres@postgresql:5432/complaints', /user/],
      ['postgresql://postgres:secret@postgresql:5432/complaints', /password/],
      ['postgresql://postgres:postgres@postgresql:5432/other', /database/],
      ['mysql://postgres:postgres@postgresql:5432/complaints', /does not parse/],
    ];
    for (const [bad, message] of cases) {
      expect(() => checkDatabaseUrl(broken((c) => (service(c, 'worker').environment = { ...env(c, 'worker'), DATABASE_URL: bad })))).toThrow(message);
    }
    // Pointing app and postgres service at Temporal's own database is rejected too.
    expect(() =>
      checkDatabaseUrl(
        broken((c) => {
          env(c, 'postgresql').POSTGRES_DB = 'temporal';
          service(c, 'api').environment = { ...env(c, 'api'), DATABASE_URL: 'postgresql://postgres:postgres@postgresql:5432/temporal' };
        }),
      ),
    ).toThrow(/Temporal's own database/);
  });

  it("a TEMPORAL_ADDRESS that is not the temporal service's port, or another namespace", () => {
    expect(() => checkAppTemporal(broken((c) => (service(c, 'api').environment = { ...env(c, 'api'), TEMPORAL_ADDRESS: 'temporal:7234' })))).toThrow(/frontend port/);
    expect(() => checkAppTemporal(broken((c) => (env(c, 'temporal').FRONTEND_GRPC_PORT = '7300')))).toThrow(/frontend port 7300/);
    expect(() => checkAppTemporal(broken((c) => (service(c, 'worker').environment = { ...env(c, 'worker'), TEMPORAL_NAMESPACE: 'complaints' })))).toThrow(/namespace/);
  });

  it('an API port that is not published, or missing dependencies', () => {
    expect(() => checkApiPortAndDependencies(broken((c) => (service(c, 'api').ports = ['3001:3001'])))).toThrow(/publish 3000/);
    expect(() => checkApiPortAndDependencies(broken((c) => (env(c, 'api').PORT = '8000')))).toThrow(/PORT must be 3000/);
    expect(() => checkApiPortAndDependencies(broken((c) => (service(c, 'api').depends_on = ['postgresql'])))).toThrow(/service_healthy/);
    expect(() =>
      checkApiPortAndDependencies(broken((c) => (service(c, 'worker').depends_on = { postgresql: { condition: 'service_healthy' } }))),
    ).toThrow(/depend on temporal/);
  });

  it('search attributes that are missing, mistyped, unescaped, in another namespace, or not awaited', () => {
    const required = requiredSearchAttributes();
    const job = searchAttributeJob(loadCompose(original)).name;
    const setAttrs = (value: string) => broken((c) => (env(c, job).SEARCH_ATTRIBUTES = value));
    expect(() => checkSearchAttributes(setAttrs('CaseStatus=Keyword UnitId=Keyword EscalationLevel=Int'), required)).toThrow(/NextDeadline/);
    expect(() => checkSearchAttributes(setAttrs('CaseStatus=Keyword UnitId=Keyword EscalationLevel=Keyword NextDeadline=Datetime'), required)).toThrow(/workflows need/);
    expect(() => checkSearchAttributes(setAttrs('CaseStatus=Keyword UnitId=Keyword EscalationLevel=Int NextDeadline=Datetime Extra=Text'), required)).toThrow(/Extra/);
    expect(() => checkSearchAttributes(setAttrs('CaseStatus'), required)).toThrow(/NAME=Type/);
    expect(() => checkSearchAttributes(loadCompose(original), { ...required, Another: 'Keyword' })).toThrow(/Another/);
    expect(() =>
      checkSearchAttributes(
        broken((c) => (service(c, job).command = [String((service(c, job).command as Json[])[0]).replace('$$SEARCH_ATTRIBUTES', '$SEARCH_ATTRIBUTES')])),
        required,
      ),
    ).toThrow(/interpolation/);
    expect(() => checkSearchAttributes(broken((c) => (env(c, job).TEMPORAL_NAMESPACE = 'other')), required)).toThrow(/namespace other/);
    expect(() => checkSearchAttributes(broken((c) => (env(c, job).TEMPORAL_ADDRESS = 'temporal:7000')), required)).toThrow(/frontend port/);
    expect(() => checkSearchAttributes(broken((c) => delete c.services[job]), required)).toThrow(/found 0/);
    expect(() => checkSearchAttributes(broken((c) => (service(c, 'worker').depends_on = { temporal: { condition: 'service_healthy' } })), required)).toThrow(
      /complete successfully/,
    );
    expect(() => checkSearchAttributes(broken((c) => (service(c, job).depends_on = ['temporal'])), required)).toThrow(/service_healthy/);
  });

  it('commands that run a script package.json does not have', () => {
    expect(() => checkCommands(broken((c) => (service(c, 'worker').command = 'npm run work')), dockerfileText, scripts)).toThrow(/no script "work"/);
    expect(() => checkCommands(broken((c) => (service(c, 'worker').command = ['npm', 'run', 'api'])), dockerfileText, scripts)).toThrow(/expected worker/);
    expect(() => checkCommands(broken((c) => (service(c, 'worker').command = ['node', 'worker.js'])), dockerfileText, scripts)).toThrow(/npm command/);
    expect(() => checkCommands(loadCompose(original), dockerfileText.replace('"run", "api"', '"run", "serve"'), scripts)).toThrow(/no script "serve"/);
    expect(() => checkCommands(loadCompose(original), dockerfileText.replace('"run", "api"', '"run", "worker"'), scripts)).toThrow(/must run the api script/);
    expect(() => checkCommands(loadCompose(original), dockerfileText, { worker: 'tsx scripts/worker.ts' })).toThrow(/no script "api"/);
  });

  it('a Dockerfile on another base, running as root, or installing in the wrong order', () => {
    expect(() => checkDockerfile(dockerfileText.replace('FROM node:20-bookworm-slim', 'FROM node:20'))).toThrow(/node:20-bookworm-slim/);
    expect(() => checkDockerfile(dockerfileText.replace(/^USER node$/m, 'USER root'))).toThrow(/non-root/);
    expect(() => checkDockerfile(dockerfileText.replace(/^USER node$/m, ''))).toThrow(/non-root/);
    expect(() => checkDockerfile(dockerfileText.replace(/^COPY --chown=node:node prisma \.\/prisma$/m, ''))).toThrow(/prisma/);
    expect(() => checkDockerfile(dockerfileText.replace(/^COPY --chown=node:node package\.json package-lock\.json \.\/$/m, ''))).toThrow(/package-lock/);
    expect(() => checkDockerfile(dockerfileText.replace(/^COPY --chown=node:node \. \.$/m, ''))).toThrow(/source/);
    expect(() => checkDockerfile(dockerfileText.replace(/npm ci/g, 'npm install'))).toThrow(/npm ci/);
    expect(() => checkDockerfile(`${dockerfileText.replace(/^USER node$/m, '')}\nUSER node\n`)).toThrow(/unprivileged user/);
  });

  it('a file the Prisma config needs that is not in the image when npm ci runs', () => {
    const config = "const a = path.join(__dirname, '..', 'scripts', 'prisma-schema-engine.mjs');\nconst b = path.join(__dirname, 'schema.prisma');";
    const needed = prismaConfigFiles(config);
    expect(needed).toEqual(['scripts/prisma-schema-engine.mjs', 'prisma/schema.prisma']);
    expect(() => checkInstallInputs(dockerfileText, needed)).not.toThrow();
    const withoutShim = dockerfileText.replace(/^COPY .*prisma-schema-engine\.mjs.*$/m, '');
    expect(() => checkInstallInputs(withoutShim, needed)).toThrow(/scripts\/prisma-schema-engine\.mjs/);
    const withoutPrisma = dockerfileText.replace(/^COPY --chown=node:node prisma \.\/prisma$/m, '');
    expect(() => checkInstallInputs(withoutPrisma, needed)).toThrow(/prisma\/schema\.prisma/);
  });

  it('a .dockerignore without the local state', () => {
    const text = fs.readFileSync(DOCKERIGNORE_FILE, 'utf8');
    for (const entry of DOCKERIGNORE_REQUIRED) {
      const without = text
        .split('\n')
        .filter((l) => l.trim() !== entry)
        .join('\n');
      expect(() => checkDockerignore(without)).toThrow(new RegExp(`missing ${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    }
  });
});
