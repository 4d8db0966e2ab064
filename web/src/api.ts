/**
 * The one way the pages talk to the service: the public HTTP API, with the signed-in key as a
 * bearer token. Errors arrive as the API's own `{ error: { code, message, issues } }`.
 */
import type { CaseList, UnitJson } from './types';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }

  /** The API's message for one field (paths as the API writes them, e.g. "complainant.creditCode"). */
  issueFor(path: string): string | undefined {
    return this.issues.find((i) => i.path === path || i.path === `body.${path}`)?.message;
  }
}

let apiKey: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setApiKey(key: string | null): void {
  apiKey = key;
}

/** Called when the service stops accepting the signed-in key (revoked while the page was open). */
export function whenUnauthorized(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null)?.error;
    if (res.status === 401 && apiKey) onUnauthorized?.();
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `HTTP ${res.status}`, err?.issues ?? []);
  }
  return json as T;
}

/** A file the API serves behind the key (the circular's spreadsheet, its printable page), as a blob URL. */
export async function apiBlobUrl(path: string): Promise<string> {
  const res = await fetch(`/api/v1${path}`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (!res.ok) throw new ApiError(res.status, 'http_error', `HTTP ${res.status}`);
  return URL.createObjectURL(await res.blob());
}

export const query = (params: Record<string, string | number | boolean | undefined | null>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

/** Cases as the caller may see them, filtered by `params`, up to the 200 a list page shows. */
export const listCases = (params: Record<string, string | number> = {}) => api<CaseList>('GET', `/complaints${query({ ...params, limit: 200 })}`).then((r) => r.items);

/** The handling units, or none when the list cannot be read: the pages that name units still work without it. */
export const listUnitsOrNone = () =>
  api<{ items: UnitJson[] }>('GET', '/units').then(
    (r) => r.items,
    () => [] as UnitJson[],
  );
