import path from 'node:path';
import os from 'node:os';
import { z } from 'zod';

/** Pinned once: the Temporal CLI release that `go install` can still build (later tags carry a replace directive). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '' && u.pathname.length > 1;
    } catch {
      return false;
    }
  }, 'must look like postgresql://user:password@host:5432/database');

/**
 * Every variable the service reads. Each entry point parses the environment through this one schema,
 * and the README's configuration table lists the same names.
 */
export const configSchema = z.object({
  PORT: port(3000),
  DATABASE_URL: postgresUrl.optional().or(z.literal('').transform(() => undefined)),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default('complaints'),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  EMBEDDED_PG_PORT: port(54329),
  DATA_DIR: z.string().trim().min(1).default(path.resolve(__dirname, '../../.data')),
  CACHE_DIR: z.string().trim().min(1).default(path.join(os.homedir(), '.cache', 'sme-complaints')),
  POLICY_FILE: optionalString,
  CALENDAR_FILE: optionalString,
  SMTP_URL: optionalString,
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional().or(z.literal('').transform(() => undefined)),
  WEBHOOK_SECRET: z.string().min(16).default('dev-webhook-secret-change-me'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value becomes one line naming the variable and what to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = first?.path.join('.') ?? 'environment';
    throw new ConfigError(`Configuration error: ${name} ${first?.message ?? 'is invalid'} (got ${JSON.stringify(env[name] ?? '')})`);
  }
  return parsed.data;
}
