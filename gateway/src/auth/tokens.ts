import { createLocalJWKSet, jwtVerify, SignJWT, type JWK } from 'jose';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { SigningKeys } from './signingKeys';
import { TOKEN_ALGORITHM } from './signingKeys';

export const TOKEN_ISSUER = 'traceledger-gateway';

export const Roles = ['enterprise', 'regulator', 'admin'] as const;
export type Role = (typeof Roles)[number];

/** Who a token speaks for. `enr`/`msp` name the Fabric identity the gateway signs with. */
export const PrincipalSchema = z.object({
  sub: z.string(),
  role: z.enum(Roles),
  msp: z.string(),
  enr: z.string(),
  /** The enterprise (USCC) of an enterprise token. */
  ent: z.string().optional(),
});

export type Principal = z.infer<typeof PrincipalSchema>;

/** Token lifetimes: demo tokens printed by `npm start` are short-lived on purpose. */
export const TOKEN_TTL = { default: '8h', demo: '2h' } as const;

/** The longest lifetime of a token the gateway issues (TOKEN_TTL.default): revocation records need not outlive it. */
export const MAX_TOKEN_LIFETIME_SECONDS = 8 * 3600;

/** Every token the gateway issues has an id and both times; one without them is not the gateway's. */
const TokenTimesSchema = z.object({ jti: z.string().min(1), iat: z.number(), exp: z.number() });

/** A verified token: whom it speaks for, its id (`jti`), and its issue and expiry times in seconds since the epoch. */
export interface VerifiedToken {
  principal: Principal;
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

export class TokenService {
  readonly #jwks;

  /**
   * `otherKeys`: further public keys to publish in the JWKS (the trace-code keys, each marked with its
   * job); never used for tokens: only the token key verifies one.
   */
  constructor(
    private readonly keys: SigningKeys,
    private readonly otherKeys: JWK[] = [],
  ) {
    this.#jwks = createLocalJWKSet({ keys: [keys.publicJwk] });
  }

  issue(principal: Principal, ttl: string = TOKEN_TTL.default): Promise<string> {
    return new SignJWT({ role: principal.role, msp: principal.msp, enr: principal.enr, ...(principal.ent ? { ent: principal.ent } : {}) })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: this.keys.publicJwk.kid, typ: 'JWT' })
      .setSubject(principal.sub)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .setJti(crypto.randomUUID())
      .sign(this.keys.privateKey);
  }

  /** Verifies signature, issuer and expiry; throws on any failure. */
  async verify(token: string): Promise<Principal> {
    return (await this.verifyToken(token)).principal;
  }

  /** As {@link verify}, with what revocation needs: the token's id and when it was issued and expires. */
  async verifyToken(token: string): Promise<VerifiedToken> {
    const { payload } = await jwtVerify(token, this.#jwks, { issuer: TOKEN_ISSUER, algorithms: [TOKEN_ALGORITHM] });
    const { jti, iat, exp } = TokenTimesSchema.parse(payload);
    return { principal: PrincipalSchema.parse(payload), jti, issuedAt: iat, expiresAt: exp };
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.keys.publicJwk, ...this.otherKeys] };
  }
}
