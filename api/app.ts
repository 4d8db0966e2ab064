import express from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/client';
import type { CasePolicy } from '../domain/policy';
import type { CalendarData } from '../domain/calendar';
import { auditRoutes } from './audit';
import { authenticate } from './auth';
import { complaintRoutes } from './complaints';
import { HttpError, errorMiddleware, notFoundRoute } from './errors';
import { healthRoutes } from './health';
import { createMetrics } from './metrics';
import { docsRoutes } from './openapi';
import { interestRoutes } from './public';
import { agencyRoutes, dishonestPayersRoute } from './agencies';
import { referenceDataRoutes } from './reference-data';
import { statisticsRoutes } from './statistics';
import { webRoutes } from './web';
import { meRoute } from './me';

export interface AppDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  policy: CasePolicy;
  calendar: CalendarData;
  logLevel?: string;
  temporalDeadlineMs?: number;
  /** Requests per minute per client address. */
  rateLimitPerMinute?: number;
}

/** Personal data never reaches the logs. */
export const logRedaction = {
  paths: ['req.headers.authorization', '*.phone', '*.email', '*.creditCode', '*.*.phone', '*.*.email', '*.*.creditCode'],
  censor: '***',
};

export function createApp(deps: AppDeps): express.Express {
  const logger = pino({ level: deps.logLevel ?? 'info', redact: logRedaction });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use(
    pinoHttp({
      logger,
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
    }),
  );
  const metrics = createMetrics(deps.prisma);
  app.use(metrics.track);
  app.use(healthRoutes(deps));
  app.use(metrics.routes);
  app.use(docsRoutes());
  app.use(webRoutes());

  const api = express.Router();
  api.use(rateLimit({ windowMs: 60_000, limit: deps.rateLimitPerMinute ?? 600, standardHeaders: 'draft-8', legacyHeaders: false, handler: () => { throw new HttpError('rate_limited', 'too many requests; slow down'); } }));
  api.use((req, _res, next) => {
    if (['POST', 'PATCH', 'PUT'].includes(req.method) && req.headers['content-length'] !== '0' && (req.headers['content-type'] || req.headers['transfer-encoding'])) {
      if (!req.is('application/json')) throw new HttpError('unsupported_media_type', 'send the body as application/json');
    }
    next();
  });
  api.use(express.json({ limit: '256kb', strict: false }));
  api.use(dishonestPayersRoute(deps.prisma));
  api.use(authenticate(deps.prisma));
  api.use(meRoute(deps.prisma));
  api.use('/audit', auditRoutes(deps.prisma));
  api.use('/complaints', complaintRoutes(deps));
  api.use(referenceDataRoutes(deps.prisma));
  api.use(agencyRoutes(deps.prisma));
  api.use(statisticsRoutes(deps));
  api.use(interestRoutes());
  app.use('/api/v1', api);
  app.use(notFoundRoute);
  app.use(errorMiddleware(logger));
  return app;
}
