import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/client';
import { MEASURES } from '../domain/sanctions';
import { listDishonestPayers } from '../activities/sanctions';
import { requireRole } from './auth';
import { HttpError, notFound } from './errors';
import { parseBody } from './validation';

const contactsSchema = z
  .object({
    email: z.email('must be an email address').optional(),
    webhookUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  })
  .strict();

const agencyFields = {
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or dashes'),
  name: z.string().trim().min(1, 'is required').max(200),
  measures: z
    .array(z.enum(MEASURES, { error: `must be one of ${MEASURES.join(', ')}` }))
    .max(MEASURES.length)
    .refine((m) => new Set(m).size === m.length, 'must not repeat a measure'),
  contacts: contactsSchema,
};

export const agencySchema = z.object({ ...agencyFields, measures: agencyFields.measures.default([]), contacts: contactsSchema.default({}) }).strict();
// Built without the defaults: under zod 4 a defaulted field is filled in even when a PATCH leaves it out.
export const agencyPatchSchema = z.object(agencyFields).omit({ id: true }).partial().strict();

/** The city's sanctioning agencies and the measures each applies (DOMAIN.md, Sanctions). */
export const CITY_AGENCIES = [
  { id: 'fcg-drc', name: '防城港市发展和改革委员会', measures: ['credit_record', 'joint_punishment', 'support_limits'] },
  { id: 'fcg-finance', name: '防城港市财政局', measures: ['spending_restriction'] },
  { id: 'fcg-market-regulation', name: '防城港市市场监督管理局', measures: ['market_regulation', 'credit_publicity'] },
  { id: 'pbc-fcg', name: '中国人民银行防城港市分行', measures: ['financial_credit_database'] },
  { id: 'fcg-audit', name: '防城港市审计局', measures: ['audit_flag'] },
] as const;

/** Seeds the agencies where they are missing; never overwrites the office's edits (contacts come from the office). */
export async function seedAgencies(prisma: PrismaClient): Promise<void> {
  for (const a of CITY_AGENCIES) {
    await prisma.agency.upsert({ where: { id: a.id }, create: { ...a, measures: [...a.measures], contacts: {} }, update: {} });
  }
}

const agencyJson = (a: { id: string; name: string; measures: string[]; contacts: unknown }) => ({ id: a.id, name: a.name, measures: a.measures, contacts: a.contacts });

/** GET/POST/PATCH /agencies: where sanction orders go (office and admin). */
export function agencyRoutes(prisma: PrismaClient): Router {
  const router = Router();
  const staff = requireRole('office', 'admin');

  router.get('/agencies', staff, async (_req, res) => {
    res.json({ items: (await prisma.agency.findMany({ orderBy: { id: 'asc' } })).map(agencyJson) });
  });
  router.post('/agencies', staff, async (req, res) => {
    const body = parseBody(agencySchema, req.body);
    if (await prisma.agency.findUnique({ where: { id: body.id } })) throw new HttpError('conflict', `agency ${body.id} already exists`);
    res.status(201).json(agencyJson(await prisma.agency.create({ data: body })));
  });
  router.patch('/agencies/:id', staff, async (req, res) => {
    const body = parseBody(agencyPatchSchema, req.body);
    const id = String(req.params.id);
    if (!(await prisma.agency.findUnique({ where: { id } }))) throw notFound('agency');
    res.json(agencyJson(await prisma.agency.update({ where: { id }, data: body })));
  });
  return router;
}

/** GET /public/dishonest-payers (no key needed): respondents currently listed, with the publicity start. */
export function dishonestPayersRoute(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/public/dishonest-payers', async (_req, res) => {
    res.json({ items: await listDishonestPayers(prisma) });
  });
  return router;
}
