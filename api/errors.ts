import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { ServiceError, WorkflowUpdateFailedError, WorkflowNotFoundError, WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'case') => new HttpError('not_found', `${what} not found`);

export function fromZod(err: ZodError, prefix = ''): HttpError {
  const issues = err.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)', message: i.message }));
  const first = issues[0];
  return new HttpError('validation_failed', first ? `${first.path}: ${first.message}` : 'invalid request', issues);
}

/** Business failures raised by workflow validators become HTTP answers here, in one place. */
function fromWorkflow(err: unknown): HttpError | undefined {
  if (err instanceof WorkflowNotFoundError) return notFound();
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    if (failure.type === 'TransitionRefused') return new HttpError('conflict', failure.message);
    if (failure.type === 'Forbidden') return new HttpError('forbidden', failure.message);
    if (failure.type === 'NotFound') return new HttpError('not_found', failure.message);
    if (failure.type === 'InvalidPolicy') return new HttpError('validation_failed', failure.message, [{ path: 'changes', message: failure.message }]);
  }
  if (isGrpcServiceError(err) && err.code === 5 /* NOT_FOUND */) return new HttpError('conflict', 'the case is no longer open');
  // No server, or no worker to take the update within the deadline: the case is unchanged, try again later.
  const unavailable = (e: unknown) => isGrpcServiceError(e) && (e.code === 14 /* UNAVAILABLE */ || e.code === 4 /* DEADLINE_EXCEEDED */);
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || (err instanceof ServiceError && unavailable(err.cause))) {
    return new HttpError('unavailable', 'Temporal is unavailable; try again shortly');
  }
  if (unavailable(err)) return new HttpError('unavailable', 'Temporal is unavailable; try again shortly');
  return undefined;
}

function isDatabaseDown(err: unknown): boolean {
  const text = String((err as { message?: string })?.message ?? '') + String((err as { code?: string })?.code ?? '');
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|P1001|P1017|terminating connection/i.test(text);
}

export const notFoundRoute: RequestHandler = (req) => {
  throw new HttpError('not_found', `no route for ${req.method} ${req.path}`);
};

export function errorMiddleware(log: { error(obj: object, msg: string): void }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let http: HttpError;
    if (err instanceof HttpError) http = err;
    else if (err instanceof ZodError) http = fromZod(err);
    else if (err?.type === 'entity.parse.failed') http = new HttpError('bad_request', 'the body is not valid JSON');
    else if (err?.type === 'entity.too.large') http = new HttpError('payload_too_large', 'the body is too large');
    else if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') http = new HttpError('unsupported_media_type', err.message);
    else http = fromWorkflow(err) ?? (isDatabaseDown(err) ? new HttpError('unavailable', 'the database is unavailable; try again shortly') : new HttpError('internal', 'internal error'));
    if (http.code === 'internal' || http.code === 'unavailable') log.error({ err, path: req.path }, 'request failed');
    const body: ErrorBody = { error: { code: http.code, message: http.message, ...(http.issues ? { issues: http.issues } : {}) } };
    res.status(http.status).json(body);
  };
}
