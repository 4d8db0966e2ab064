import crypto from 'node:crypto';
import type { PrismaClient } from '../prisma/client';

export const ROLES = ['complainant', 'unit', 'office', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  keyId: string;
  role: Role;
  unitId: string | null;
  creditCode: string | null;
}

export const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

export interface NewKey {
  role: Role;
  unitId?: string;
  creditCode?: string;
  label?: string;
  /** A fixed key (the demo keys); otherwise a random one is made. */
  key?: string;
}

/** Stores only the key's hash; the key itself is returned once, to be shown to its owner. */
export async function createApiKey(prisma: PrismaClient, k: NewKey): Promise<{ id: string; key: string }> {
  if (k.role === 'unit' && !k.unitId) throw new Error('a unit key needs --unit ID');
  if (k.role === 'complainant' && !k.creditCode) throw new Error('a complainant key needs --uscc CODE');
  if (k.role === 'unit' && !(await prisma.unit.findUnique({ where: { id: k.unitId } }))) throw new Error(`unit ${k.unitId} does not exist`);
  const key = k.key ?? `sk_${k.role}_${crypto.randomBytes(24).toString('base64url')}`;
  const id = `key_${hashKey(key).slice(0, 16)}`;
  await prisma.apiKey.upsert({
    where: { keyHash: hashKey(key) },
    create: { id, keyHash: hashKey(key), role: k.role, unitId: k.unitId ?? null, creditCode: k.creditCode ?? null, label: k.label ?? null },
    update: {},
  });
  return { id, key };
}

export async function findPrincipal(prisma: PrismaClient, key: string): Promise<Principal | undefined> {
  const row = await prisma.apiKey.findUnique({ where: { keyHash: hashKey(key) } });
  if (!row || row.revokedAt) return undefined;
  return { keyId: row.id, role: row.role as Role, unitId: row.unitId, creditCode: row.creditCode };
}
