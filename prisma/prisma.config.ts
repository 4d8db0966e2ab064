import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Air-gapped mode: the CLI cannot download its native schema engine here, so unless a native binary is
// named explicitly, it runs our JSON-RPC shim over Prisma's WebAssembly engine instead. Setting the
// variable is also what stops `generate`, `validate` and `format` from trying the download.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, '..', 'scripts', 'prisma-schema-engine.mjs');

// `generate` needs no database; a placeholder keeps it working when DATABASE_URL is unset. Port 1 never
// answers, so a migration command run without DATABASE_URL fails instead of touching a real database.
const PLACEHOLDER_URL = 'postgresql://unset@127.0.0.1:1/DATABASE_URL_is_not_set';

export default defineConfig({
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  datasource: { url: process.env.DATABASE_URL || PLACEHOLDER_URL },
});
