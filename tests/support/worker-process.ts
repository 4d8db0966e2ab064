// A worker in a process of its own, so a test can kill it outright (SIGKILL) in the middle of its work.
import { createPrisma } from '../../prisma/client';
import { createWorker } from '../../scripts/runtime/worker';

async function main() {
  const env = process.env;
  const prisma = createPrisma(env.DATABASE_URL!);
  const { worker } = await createWorker({
    address: env.TEMPORAL_ADDRESS!,
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE!,
    prisma,
    smtpUrl: env.SMTP_URL,
    webhookSecret: env.WEBHOOK_SECRET,
    delivery: { baseDelayMs: 200, maxDelayMs: 1000, maxAttempts: 20, claimTtlMs: 3000, timeoutMs: 2500, concurrency: 1 },
  });
  process.stdout.write('worker running\n');
  await worker.run();
}

void main();
