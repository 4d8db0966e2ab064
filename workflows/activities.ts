import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { createActivities } from '../activities';

type Activities = ReturnType<typeof createActivities>;

/** Every activity retries without end, backing off to once a minute: a case never gives up on its database. */
const retry: ActivityOptions['retry'] = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' };

/** Writes and look-ups: the projection, routing, sanction orders, the public list. */
export const records = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry });

/** Sending the outbox. A dispatch beats after every send: if its worker dies, another takes over within seconds. */
export const delivery = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '10 seconds', retry });
