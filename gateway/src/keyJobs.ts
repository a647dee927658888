import type { JWK } from 'jose';

/**
 * What each published key is for. The API-token key and the trace-code keys are all ES256 signing
 * keys in one JWKS, so `use` ("sig") and `alg` cannot tell them apart, and a kid prefix is a naming
 * habit, not a statement a verifier can rely on. RFC 7517 §4 lets a JWK carry further members, which
 * implementations that do not know them ignore, so each key states its job in `traceledger_use`; a
 * verifier takes a key only for the job it is published for. Without this, anyone holding the token
 * key (or any future key in the set) could "sign" a label that the resolver calls genuine.
 *
 * `key_ops` is left out on purpose: RFC 7517 §4.3 advises against using it together with `use`.
 */
export const KEY_JOB_MEMBER = 'traceledger_use';

export const KeyJobs = { apiToken: 'api-token', traceCode: 'trace-code' } as const;
export type KeyJob = (typeof KeyJobs)[keyof typeof KeyJobs];

/** Every key the gateway publishes signs with ES256 (P-256). */
export const PUBLISHED_KEY_ALGORITHM = 'ES256';

export type PublishedKey = JWK & { kid: string; use: 'sig'; alg: typeof PUBLISHED_KEY_ALGORITHM; [KEY_JOB_MEMBER]: KeyJob };

/**
 * A public P-256 key as the JWKS shows it. Members are picked, not copied, so a private member (`d`)
 * can never reach the published set even if a private JWK is handed in.
 */
export function publishedKey(publicJwk: JWK, kid: string, job: KeyJob): PublishedKey {
  return { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y, kid, use: 'sig', alg: PUBLISHED_KEY_ALGORITHM, [KEY_JOB_MEMBER]: job };
}

/**
 * Whether a key from a (possibly saved, possibly foreign) JWKS may verify signatures made for `job`.
 * The job member must be present and name `job`; `use`, `key_ops` and `alg` restrict it when present,
 * as RFC 7517 has them.
 */
export function isPublishedFor(jwk: JWK, job: KeyJob): boolean {
  const stated = (jwk as Record<string, unknown>)[KEY_JOB_MEMBER];
  return (
    stated === job &&
    (jwk.use === undefined || jwk.use === 'sig') &&
    (jwk.key_ops === undefined || (Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) &&
    (jwk.alg === undefined || jwk.alg === PUBLISHED_KEY_ALGORITHM)
  );
}
