import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/client';
import { REGION_CODES } from '../domain/complaint';
import { RESPONDENT_TYPES } from '../domain/case-status';
import { requireRole } from './auth';
import { HttpError, notFound } from './errors';
import { parseBody } from './validation';

export const UNIT_KINDS = ['county_government', 'city_department', 'office'] as const;

const contactsSchema = z
  .object({
    email: z.email('must be an email address').optional(),
    webhookUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    leadershipEmail: z.email('must be an email address').optional(),
    phone: z.string().trim().regex(/^\+?[0-9 -]{5,20}$/, 'must be a phone number').optional(),
  })
  .strict();

const idField = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or dashes');

// Patches are built from the fields without defaults: under zod 4 a default survives .partial(), and
// a PATCH that leaves a field out must leave it alone, not reset it.
const unitFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  kind: z.enum(UNIT_KINDS),
  regionCode: z.enum(REGION_CODES).nullable().optional(),
  parentId: z.string().trim().min(1).nullable().optional(),
  contacts: contactsSchema,
};
export const unitSchema = z.object({ ...unitFields, id: idField, contacts: contactsSchema.default({}) }).strict();
export const unitPatchSchema = z.object(unitFields).partial().strict();

const routingRuleFields = {
  regionCode: z.enum(REGION_CODES).nullable().optional(),
  supervisingDepartment: z.string().trim().min(1).max(200).nullable().optional(),
  respondentType: z.enum(RESPONDENT_TYPES).nullable().optional(),
  unitId: z.string().trim().min(1, 'is required'),
  priority: z.number().int().min(0).max(100_000),
  isFallback: z.boolean(),
};
export const routingRuleSchema = z
  .object({ ...routingRuleFields, id: idField, priority: routingRuleFields.priority.default(100), isFallback: routingRuleFields.isFallback.default(false) })
  .strict();
export const routingRulePatchSchema = z.object(routingRuleFields).partial().strict();

const unitJson = (u: { id: string; name: string; kind: string; regionCode: string | null; parentId: string | null; contacts: unknown }) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  regionCode: u.regionCode,
  parentId: u.parentId,
  contacts: u.contacts,
});

const ruleJson = (r: { id: string; regionCode: string | null; supervisingDepartment: string | null; respondentType: string | null; unitId: string; priority: number; isFallback: boolean }) => ({
  id: r.id,
  regionCode: r.regionCode,
  supervisingDepartment: r.supervisingDepartment,
  respondentType: r.respondentType,
  unitId: r.unitId,
  priority: r.priority,
  isFallback: r.isFallback,
});

/** Who handles what (units, 属地 routing rules) and whom to notify: the office's reference data. */
export function referenceDataRoutes(prisma: PrismaClient): Router {
  const router = Router();
  const staff = requireRole('office', 'admin');

  async function assertUnitExists(id: string | null | undefined, field: string) {
    if (id && !(await prisma.unit.findUnique({ where: { id } }))) {
      throw new HttpError('validation_failed', `${field}: unit ${id} does not exist`, [{ path: field, message: `unit ${id} does not exist` }]);
    }
  }

  router.get('/units', staff, async (_req, res) => {
    res.json({ items: (await prisma.unit.findMany({ orderBy: { id: 'asc' } })).map(unitJson) });
  });
  router.post('/units', staff, async (req, res) => {
    const body = parseBody(unitSchema, req.body);
    await assertUnitExists(body.parentId, 'parentId');
    if (await prisma.unit.findUnique({ where: { id: body.id } })) throw new HttpError('conflict', `unit ${body.id} already exists`);
    res.status(201).json(unitJson(await prisma.unit.create({ data: { ...body, contacts: body.contacts } })));
  });
  router.patch('/units/:id', staff, async (req, res) => {
    const body = parseBody(unitPatchSchema, req.body);
    const id = String(req.params.id);
    if (!(await prisma.unit.findUnique({ where: { id } }))) throw notFound('unit');
    await assertUnitExists(body.parentId, 'parentId');
    res.json(unitJson(await prisma.unit.update({ where: { id }, data: body })));
  });

  router.get('/routing-rules', staff, async (_req, res) => {
    res.json({ items: (await prisma.routingRule.findMany({ orderBy: [{ priority: 'asc' }, { id: 'asc' }] })).map(ruleJson) });
  });
  router.post('/routing-rules', staff, async (req, res) => {
    const body = parseBody(routingRuleSchema, req.body);
    await assertUnitExists(body.unitId, 'unitId');
    if (await prisma.routingRule.findUnique({ where: { id: body.id } })) throw new HttpError('conflict', `routing rule ${body.id} already exists`);
    res.status(201).json(ruleJson(await prisma.routingRule.create({ data: body })));
  });
  router.patch('/routing-rules/:id', staff, async (req, res) => {
    const body = parseBody(routingRulePatchSchema, req.body);
    const id = String(req.params.id);
    if (!(await prisma.routingRule.findUnique({ where: { id } }))) throw notFound('routing rule');
    await assertUnitExists(body.unitId, 'unitId');
    res.json(ruleJson(await prisma.routingRule.update({ where: { id }, data: body })));
  });
  return router;
}
