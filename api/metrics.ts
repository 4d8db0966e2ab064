import { Router, type RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PrismaClient } from '../prisma/client';
import { deliveryCountsByStatus } from '../activities/notifications';

/** Prometheus metrics: request rates and latencies by route, and cases by status read at scrape time. */
export function createMetrics(prisma: PrismaClient) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'complaint_cases',
    help: 'Cases by status and escalation level',
    labelNames: ['status', 'escalation_level'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await prisma.case.groupBy({ by: ['status', 'escalationLevel'], _count: { _all: true } });
      for (const g of groups) this.set({ status: g.status, escalation_level: String(g.escalationLevel) }, g._count._all);
    },
  });

  new Gauge({
    name: 'notification_deliveries',
    help: 'Notification and sanction-order deliveries by status (failed = given up after every retry)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      for (const [status, count] of Object.entries(await deliveryCountsByStatus(prisma))) this.set({ status }, count);
    },
  });

  const track: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      // The route pattern, not the URL: ids must not explode the label space.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      end({ method: req.method, route });
    });
    next();
  };

  const routes = Router();
  routes.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return { track, routes };
}
