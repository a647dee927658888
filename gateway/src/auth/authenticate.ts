import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Refusal } from '../refusal';
import type { Principal, Role, TokenService, VerifiedToken } from './tokens';

/** The verified principal of the request, set by {@link authenticate}. */
export function principalOf(response: Response): Principal {
  const principal = response.locals.principal as Principal | undefined;
  if (!principal) {
    throw new Refusal('UNAUTHENTICATED', 'a bearer token is required');
  }
  return principal;
}

/** A further check of an authentic, unexpired token (revocation, standing); throws the Refusal that refuses it. */
export interface TokenCheck {
  check(token: VerifiedToken): Promise<void>;
}

/**
 * Verifies a bearer token when one is sent, then runs the checks in order; routes that need a token
 * call {@link requireRole}.
 */
export function authenticate(tokens: TokenService, checks: readonly TokenCheck[] = []): RequestHandler {
  return async (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers.authorization;
    if (!header) {
      next();
      return;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new Refusal('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
    }
    let token: VerifiedToken;
    try {
      token = await tokens.verifyToken(match[1]);
    } catch (error) {
      const reason = error instanceof Error && /exp/.test(error.message) ? 'the token has expired' : 'the token is not valid';
      throw new Refusal('UNAUTHENTICATED', reason);
    }
    for (const check of checks) {
      await check.check(token);
    }
    response.locals.principal = token.principal;
    next();
  };
}

/** Lets the request through only for the given roles: 401 without a token, 403 with another role. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_request, response, next) => {
    const principal = principalOf(response);
    if (!roles.includes(principal.role)) {
      throw new Refusal('FORBIDDEN', `this route is for ${roles.join(' or ')} tokens; this token's role is ${principal.role}`);
    }
    next();
  };
}
