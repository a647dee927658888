import type { Logger } from 'pino';
import { Refusal } from '../refusal';
import type { TokenRevocation, TokenRevocationRecords } from '../store/tokenRevocations';
import type { TokenCheck } from './authenticate';
import { MAX_TOKEN_LIFETIME_SECONDS, type Principal, type VerifiedToken } from './tokens';

/** What an admin revokes: one token, or every token of an enterprise or of an enrollment id (at any organisation). */
export type RevocationTarget = { jti: string } | { enterpriseId: string } | { enrollmentId: string };

/** How long a looked-up revocation (or its absence) is trusted before the store is asked again. */
const CACHE_MS = 5_000;
const PRUNE_EVERY_MS = 15 * 60_000;
/** Past this many cached ids the cache starts over, so a flood of distinct tokens cannot grow it without end. */
const CACHE_LIMIT = 50_000;

const principalKeys = (principal: Principal): string[] => [
  ...(principal.ent ? [`enterprise:${principal.ent}`] : []),
  `enrollment:${principal.enr}`,
];

/** Every revocation `_id` that could refuse this token. */
export const revocationKeysOf = (token: VerifiedToken): string[] => [`jti:${token.jti}`, ...principalKeys(token.principal)];

export function revocationKeyOf(target: RevocationTarget): string {
  if ('jti' in target) return `jti:${target.jti}`;
  return 'enterpriseId' in target ? `enterprise:${target.enterpriseId}` : `enrollment:${target.enrollmentId}`;
}

/**
 * Why the token is refused, or undefined. A principal revocation compares whole seconds (`iat`) with
 * an instant: a token from the second of the revocation is refused, as it may predate it; issuers
 * wait for the next second ({@link TokenDenyList.readyToIssue}).
 */
export function revocationRefusal(token: VerifiedToken, revocations: readonly TokenRevocation[]): string | undefined {
  const keys = new Set(revocationKeysOf(token));
  for (const revocation of revocations) {
    if (!keys.has(revocation._id)) continue;
    const reason = revocation.reason ? ` (${revocation.reason})` : '';
    if (revocation._id.startsWith('jti:')) {
      return `the token was revoked${reason}`;
    }
    if (revocation.notBefore && token.issuedAt * 1000 < revocation.notBefore.getTime()) {
      const [kind, id] = splitKey(revocation._id);
      return `tokens of ${kind} ${id} issued before ${revocation.notBefore.toISOString()} were revoked${reason}`;
    }
  }
  return undefined;
}

function splitKey(key: string): [string, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) === 'enrollment' ? 'enrollment id' : key.slice(0, colon), key.slice(colon + 1)];
}

/**
 * The deny list of revoked tokens, consulted on every authenticated request. Lookups are by `_id`
 * and cached for a few seconds, so a revocation made through another gateway over the same store
 * takes effect within that time, and one made through this gateway at once.
 */
export class TokenDenyList implements TokenCheck {
  readonly #cache = new Map<string, { revocation: TokenRevocation | undefined; fetchedAt: number }>();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly records: TokenRevocationRecords,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.#timer = setInterval(() => void this.#prune(), PRUNE_EVERY_MS);
    this.#timer.unref();
  }

  async check(token: VerifiedToken): Promise<void> {
    const refusal = revocationRefusal(token, await this.#lookup(revocationKeysOf(token), false));
    if (refusal) {
      throw new Refusal('UNAUTHENTICATED', refusal);
    }
  }

  /**
   * Records a revocation. A token's record lives as long as the longest token the gateway issues,
   * as the token's own expiry is not known from its id; a principal's as long as any token issued
   * before it can live.
   */
  async revoke(target: RevocationTarget, revokedBy: string, reason?: string): Promise<TokenRevocation> {
    const revokedAt = new Date(this.now());
    const revocation: TokenRevocation = {
      _id: revocationKeyOf(target),
      ...('jti' in target ? {} : { notBefore: revokedAt }),
      expiresAt: new Date(revokedAt.getTime() + MAX_TOKEN_LIFETIME_SECONDS * 1000),
      revokedAt,
      revokedBy,
      ...(reason ? { reason } : {}),
    };
    await this.records.save(revocation);
    this.#remember(revocation._id, revocation);
    return revocation;
  }

  /**
   * Waits, at most a second, until a token issued now for the principal is no longer caught by a
   * revocation of it made in this same second (token times are whole seconds).
   */
  async readyToIssue(principal: Principal): Promise<void> {
    const revocations = await this.#lookup(principalKeys(principal), true);
    const latest = Math.max(0, ...revocations.map((revocation) => revocation.notBefore?.getTime() ?? 0));
    const target = Math.ceil(latest / 1000) * 1000;
    // A timer may fire a millisecond before the clock reaches its time: wait until the clock says so.
    for (let wait = target - this.now(); wait > 0; wait = target - this.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #lookup(keys: readonly string[], fresh: boolean): Promise<TokenRevocation[]> {
    const now = this.now();
    const found: TokenRevocation[] = [];
    const missing: string[] = [];
    for (const key of keys) {
      const cached = this.#cache.get(key);
      if (!fresh && cached && now - cached.fetchedAt < CACHE_MS) {
        if (cached.revocation) found.push(cached.revocation);
      } else {
        missing.push(key);
      }
    }
    if (missing.length > 0) {
      const stored = await this.records.find(missing);
      for (const key of missing) {
        const revocation = stored.find((record) => record._id === key);
        this.#remember(key, revocation);
        if (revocation) found.push(revocation);
      }
    }
    return found;
  }

  #remember(key: string, revocation: TokenRevocation | undefined): void {
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(key, { revocation, fetchedAt: this.now() });
  }

  async #prune(): Promise<void> {
    try {
      await this.records.prune(new Date(this.now()));
    } catch (error) {
      this.log.warn({ err: error }, 'pruning expired token revocations failed; will retry');
    }
  }
}
