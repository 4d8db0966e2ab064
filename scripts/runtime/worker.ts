import { DefaultLogger, NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { PrismaClient } from '../../prisma/client';
import { createActivities, type ActivityDeps } from '../../activities';

export const workflowsPath = require.resolve('../../workflows');

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundling takes seconds; do it once per process. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  return bundle;
}

export interface WorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
  smtpUrl?: string;
  smsGatewayUrl?: string;
  webhookSecret?: string;
  delivery?: ActivityDeps['delivery'];
}

export async function createWorker(opts: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: opts.address });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ prisma: opts.prisma, smtpUrl: opts.smtpUrl, smsGatewayUrl: opts.smsGatewayUrl, webhookSecret: opts.webhookSecret, delivery: opts.delivery }),
  });
  return { worker, connection };
}
