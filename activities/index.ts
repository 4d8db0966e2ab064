import type { PrismaClient } from '../prisma/client';
import { createNotifications, type DeliveryPolicy } from './notifications';
import { createProjection } from './projection';
import { createRouting } from './routing';
import { createSanctions } from './sanctions';
import { createStatistics } from './statistics';

export interface ActivityDeps {
  prisma: PrismaClient;
  /** SMTP server for e-mail notifications (SMTP_URL); without it e-mail deliveries fail and are retried. */
  smtpUrl?: string;
  /** The SMS gateway (SMS_GATEWAY_URL): a signed webhook that sends each text on; without it no SMS is planned. */
  smsGatewayUrl?: string;
  /** HMAC key for signed webhooks (WEBHOOK_SECRET). */
  webhookSecret?: string;
  /** The From of notification e-mails. */
  mailFrom?: string;
  /** Retry and claim timing of the outbox; tests shorten it. */
  delivery?: Partial<DeliveryPolicy>;
}

/** Activities are built from their dependencies, so tests hand them a real database. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProjection(deps),
    ...createRouting(deps),
    ...createNotifications(deps),
    ...createSanctions(deps),
    ...createStatistics(deps),
  };
}
