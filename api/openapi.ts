import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { complaintSchema } from '../domain/complaint';
import { CASE_STATUSES } from '../domain/case-status';
import { COMMAND_ROUTES, listQuery } from './complaints';
import { routingRulePatchSchema, routingRuleSchema, unitPatchSchema, unitSchema } from './reference-data';
import { interestQuery } from './public';
import { auditVerifyQuery } from './audit';
import { agencyPatchSchema, agencySchema } from './agencies';
import { circularRequestSchema, statisticsQuerySchema } from './statistics';
import { auditResultSchema } from '../activities/audit';

const errorSchema = z.object({
  error: z.object({
    code: z.enum(['bad_request', 'validation_failed', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'unavailable', 'internal']),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const caseSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  escalationLevel: z.number().int(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable().optional(),
  channel: z.enum(['online', 'offline']),
  complainant: z.record(z.string(), z.unknown()),
  respondent: z.record(z.string(), z.unknown()),
  contract: z.record(z.string(), z.unknown()),
  description: z.string(),
  evidence: z.array(z.object({ name: z.string(), sha256: z.string() })),
  outcome: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  plan: z.array(z.record(z.string(), z.unknown())),
  pendingExtension: z.object({ days: z.number(), reason: z.string() }).nullable(),
  deadlines: z.array(z.object({ key: z.string(), name: z.string(), openedAt: z.string().optional(), dueAt: z.string(), state: z.enum(['open', 'met', 'missed', 'cancelled']), metAt: z.string().optional(), extended: z.boolean().optional(), workingDaysLeft: z.number().int().optional() })),
  nextDeadlineAt: z.string().nullable(),
  timeline: z.array(z.object({ seq: z.number().int(), what: z.string(), who: z.object({ role: z.string(), id: z.string() }), when: z.string(), data: z.record(z.string(), z.unknown()) })),
  notifications: z.array(
    z.object({
      id: z.string(),
      event: z.string(),
      recipient: z.string(),
      channel: z.string(),
      address: z.string().nullable(),
      status: z.enum(['pending', 'sending', 'sent', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      sentAt: z.string().nullable(),
    }).passthrough(),
  ),
  seriousFound: z.boolean(),
  sanctions: z.array(z.object({ orderId: z.string(), measure: z.string(), kind: z.enum(['impose', 'lift']), agencyId: z.string().nullable(), status: z.string() }).passthrough()),
  interestOwed: z
    .object({ principal: z.string(), dueDate: z.string(), asOf: z.string(), overdueDays: z.number().int(), basis: z.string(), rate: z.string(), interest: z.string() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});

let document: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

/** The OpenAPI 3.1 document, generated (once) from the same zod schemas that validate requests. */
export function openApiDocument() {
  document ??= generate();
  return document;
}

function generate() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  const security = [{ [bearer.name]: [] }];
  const Case = caseSchema.meta({ id: 'Case' });
  const Error = errorSchema.meta({ id: 'Error' });
  const Complaint = complaintSchema.meta({ id: 'Complaint' });
  const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
  const errors = {
    400: { description: 'Malformed JSON or a field that fails validation', ...json(Error) },
    401: { description: 'No valid API key', ...json(Error) },
    403: { description: 'The role may not do this', ...json(Error) },
    404: { description: 'Not found, or not visible to the caller', ...json(Error) },
    429: { description: 'Too many requests', ...json(Error) },
    503: { description: 'Temporal or PostgreSQL is down', ...json(Error) },
  };
  const idParam = z.object({ id: z.string().describe('case id or case number') });

  registry.registerPath({
    method: 'post',
    path: '/api/v1/complaints',
    summary: 'File a complaint',
    security,
    request: { body: { content: { 'application/json': { schema: Complaint } } }, headers: z.object({ 'Idempotency-Key': z.string().max(200).optional() }) },
    responses: { 201: { description: 'The new case', ...json(Case) }, 200: { description: 'The existing case (same idempotency key or an open duplicate)', ...json(Case) }, ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/me',
    summary: 'Who the key belongs to: its role, and its unit or credit code (the web app picks its pages from this)',
    security,
    responses: {
      200: {
        description: 'The caller',
        ...json(z.object({ keyId: z.string(), role: z.enum(['complainant', 'unit', 'office', 'admin']), unitId: z.string().nullable(), unitName: z.string().nullable(), creditCode: z.string().nullable() })),
      },
      ...errors,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/complaints',
    summary: 'Cases the caller may see',
    security,
    request: { query: listQuery },
    responses: { 200: { description: 'A page of cases', ...json(z.object({ items: z.array(Case), nextCursor: z.string().nullable() })) }, ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/complaints/{id}',
    summary: 'One case: parties, amounts, status, deadlines, timeline',
    security,
    request: { params: idParam },
    responses: { 200: { description: 'The case', ...json(Case) }, ...errors },
  });
  for (const route of COMMAND_ROUTES) {
    const params = route.path.includes(':n') ? idParam.extend({ n: z.string().describe('instalment number, from 1') }) : idParam;
    registry.registerPath({
      method: 'post',
      path: `/api/v1/complaints${route.path.replace(/:(\w+)/g, '{$1}')}`,
      summary: route.summary,
      description: `Roles: ${route.roles.join(', ')}.`,
      security,
      request: { params, body: { content: { 'application/json': { schema: route.body } } } },
      responses: { 200: { description: 'The case after the decision', ...json(Case) }, 409: { description: 'Not allowed in the current state (the reason says why)', ...json(Error) }, ...errors },
    });
  }
  for (const [name, schema, patch] of [
    ['units', unitSchema, unitPatchSchema],
    ['routing-rules', routingRuleSchema, routingRulePatchSchema],
    ['agencies', agencySchema, agencyPatchSchema],
  ] as const) {
    const list = z.object({ items: z.array(schema) });
    registry.registerPath({ method: 'get', path: `/api/v1/${name}`, summary: `List ${name}`, security, responses: { 200: { description: name, ...json(list) }, ...errors } });
    registry.registerPath({
      method: 'post',
      path: `/api/v1/${name}`,
      summary: `Create one of ${name}`,
      security,
      request: { body: { content: { 'application/json': { schema } } } },
      responses: { 201: { description: 'Created', ...json(schema) }, 409: { description: 'The id exists', ...json(Error) }, ...errors },
    });
    registry.registerPath({
      method: 'patch',
      path: `/api/v1/${name}/{id}`,
      summary: `Change one of ${name}`,
      security,
      request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: patch } } } },
      responses: { 200: { description: 'Changed', ...json(schema) }, ...errors },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/v1/interest',
    summary: 'Statutory overdue interest',
    security,
    request: { query: interestQuery },
    responses: { 200: { description: 'Interest owed', ...json(z.object({ principal: z.string(), dueDate: z.string(), asOf: z.string(), overdueDays: z.number(), basis: z.string(), rate: z.string(), interest: z.string() })) }, ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/audit/verify',
    summary: 'Verify the hash-chained audit trail; names the first broken link',
    security,
    request: { query: auditVerifyQuery },
    responses: { 200: { description: 'The verdict', ...json(auditResultSchema) }, ...errors },
  });
  const unitRows = z.array(z.record(z.string(), z.unknown()));
  registry.registerPath({
    method: 'get',
    path: '/api/v1/statistics',
    summary: 'Per-unit statistics for a period: received, on time, overdue, escalation levels, handling days, satisfaction',
    security,
    request: { query: statisticsQuerySchema },
    responses: { 200: { description: 'One row per unit', ...json(z.object({ from: z.string(), to: z.string(), units: unitRows })) }, ...errors },
  });
  const circular = z.record(z.string(), z.unknown());
  registry.registerPath({
    method: 'post',
    path: '/api/v1/circulars',
    summary: 'Produce the circular (通报) of a month now, as the monthly schedule does',
    security,
    request: { body: { content: { 'application/json': { schema: circularRequestSchema } } } },
    responses: { 201: { description: 'The circular', ...json(circular) }, ...errors },
  });
  registry.registerPath({ method: 'get', path: '/api/v1/circulars', summary: 'The circulars produced so far', security, responses: { 200: { description: 'List', ...json(z.object({ items: z.array(circular) })) }, ...errors } });
  for (const [suffix, summary, type] of [
    ['', 'One circular', 'application/json'],
    ['/spreadsheet', 'One circular as a spreadsheet (CSV, UTF-8 with BOM)', 'text/csv'],
    ['/print', 'One circular as a printable page', 'text/html'],
  ] as const) {
    registry.registerPath({
      method: 'get',
      path: `/api/v1/circulars/{id}${suffix}`,
      summary,
      security,
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: { description: summary, content: { [type]: { schema: type === 'application/json' ? circular : z.string() } } }, ...errors },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/v1/public/dishonest-payers',
    summary: 'The public list of dishonest payers',
    responses: { 200: { description: 'The list', ...json(z.object({ items: z.array(z.record(z.string(), z.unknown())) })) } },
  });
  for (const p of ['/healthz', '/readyz', '/metrics']) {
    registry.registerPath({ method: 'get', path: p, summary: p.slice(1), responses: { 200: { description: 'OK' }, ...(p === '/readyz' ? { 503: { description: 'Names what is down' } } : {}) } });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'SME payment complaint service', version: '1', description: 'Complaints about late payments to SMEs: filing, review, forwarding, deadlines, results.' },
  });
}

/** /openapi.json, and /docs: Swagger UI from the swagger-ui-dist package, served locally (no CDN). */
export function docsRoutes(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  const dist = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  router.get('/docs', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SME payment complaint service — API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send("window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });");
  });
  router.use('/docs/assets', express.static(dist, { index: false }));
  return router;
}
