import type { RequestHandler } from 'express';
import type { PrismaClient } from '../prisma/client';
import type { Actor } from '../domain/case-record';
import { HttpError } from './errors';
import { findPrincipal, type Principal, type Role } from './keys';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function authenticate(prisma: PrismaClient): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new HttpError('unauthorized', 'send Authorization: Bearer <api key>');
    const principal = await findPrincipal(prisma, match[1]);
    if (!principal) throw new HttpError('unauthorized', 'the API key is not valid');
    req.principal = principal;
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.principal || !roles.includes(req.principal.role)) {
      throw new HttpError('forbidden', `this needs the ${roles.join(' or ')} role`);
    }
    next();
  };
}

export function principalOf(req: { principal?: Principal }): Principal {
  if (!req.principal) throw new HttpError('unauthorized', 'send Authorization: Bearer <api key>');
  return req.principal;
}

/** How the workflow sees the caller: units by unit id, complainants by credit code, staff by key id. */
export function actorOf(p: Principal): Actor {
  if (p.role === 'unit') return { role: 'unit', id: p.unitId ?? p.keyId };
  if (p.role === 'complainant') return { role: 'complainant', id: p.creditCode ?? p.keyId };
  return { role: p.role, id: p.keyId };
}
